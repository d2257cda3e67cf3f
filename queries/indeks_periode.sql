-- indeks_periode: the national index of each period in table `agregat` (the base rollup rows,
-- every loaded file), for the period-jump plausibility rule (berakhlak/katalog.py): a period
-- whose index moves too far from the previous period's is held.
-- Parameters: none.
-- Columns: periode (INTEGER), indeks (DOUBLE: the mean of each respondent's mean of the values
--   they answered; NULL without answers), n (respondents), ascending by periode.
SELECT
    periode,
    sum(s_idx) / nullif(sum(n_idx), 0) AS indeks,
    sum(n) AS n
FROM agregat
WHERE dimensi = 'semua'
GROUP BY periode
ORDER BY periode
