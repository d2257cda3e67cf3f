"""Dasbor BerAKHLAK: analytics for the ASN work-culture survey."""
