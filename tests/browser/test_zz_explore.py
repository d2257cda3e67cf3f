def test_x(halaman):
    halaman.buka("/data")
    df = halaman.page.locator("[data-testid='stDataFrame']").first
    print(df.text_content()[:3000])
    print(halaman.page.locator("[data-testid='stDataFrame'] table").count())
    print(halaman.page.get_by_role("gridcell").all_inner_texts()[:40])
    print(halaman.page.get_by_text("berakhlak_demo_2022.parquet").count())
