"""The researcher's guide as a script (docs/guide.md explains each step).

Imports the shared IATI folder, validates, scores and ranks the SSR
programmes, and plots yearly SSR disbursements per region with matplotlib:

    python docs/guide.py [DATA] [--out DOCS]

DATA defaults to ``$SSR_SHARED_DATA``, else ``../shared/data`` beside the
repository (the variable the Rust tests and benches read too); the figure goes to
``DOCS/img/ssr-disbursements-by-region.png`` (DOCS defaults to this folder).
``python/tests/test_guide.py`` runs it, so the guide cannot rot.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no window
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import ssr_model as ssr  # noqa: E402

AS_OF = "2024-12-31"

# Continents (UN M49 macro-regions) of the recipient countries in the shared
# folder, by ISO 3166-1 alpha-3 code. The crate has no country-to-region
# table, so the guide states its own; a country missing here is counted as
# "not mapped" (and listed), never put in a region by guess.
CONTINENT = {
    **dict.fromkeys(
        "BFA CAF CMR COD ETH GIN KEN LBY MAR MLI MOZ NER NGA SDN SEN SOM SSD TUN TZA UGA ZWE".split(),
        "Africa",
    ),
    **dict.fromkeys("COL HND PAN".split(), "Americas"),
    **dict.fromkeys("AFG BGD GEO KGZ LBN LKA MDV MMR PAK PHL PSE SYR THA TUR".split(), "Asia"),
    **dict.fromkeys("MDA MKD XKX".split(), "Europe"),
}
# IATI Region codelist (vocabulary 1, OECD DAC regions) to the same
# continents; 998 "developing countries, unspecified" has none.
REGION = {
    "189": "Africa", "289": "Africa", "298": "Africa",
    "389": "Americas", "380": "Americas", "489": "Americas", "498": "Americas",
    "589": "Asia", "619": "Asia", "679": "Asia", "789": "Asia", "798": "Asia",
    "88": "Europe", "89": "Europe",
}  # fmt: skip


def region_of(row: pd.Series) -> str:
    """The continent of a flow's recipient; the share no recipient accounts
    for is "unallocated"."""
    code = row["recipient"]
    if pd.isna(code):
        return "unallocated"
    table = REGION if row["recipient_kind"] == "region" else CONTINENT
    return table.get(str(code), "not mapped" if row["recipient_kind"] == "country" else "unspecified")


def analyse(data: Path, docs: Path) -> dict[str, object]:
    started = time.perf_counter()

    # 1. Import every file of the folder: SSR sectors (DAC 152xx) only.
    p = ssr.read_iati([data / "iati"], sector="152")
    imported = p.import_report
    imported.raise_for_errors()  # a file that is not IATI XML would stop here
    print(f"1. imported {len(p)} programmes; import findings: {imported.counts()}")

    # 2. Validate: every problem at once, as a DataFrame.
    report = p.validate(as_of=AS_OF)
    findings = report.table()
    top = findings.groupby(["severity", "code"], observed=True).size().sort_values(ascending=False)
    print(f"2. validation: {report.counts()}; most frequent:\n{top.head(8).to_string()}")

    # 3. Score under the default policy (published beside the results:
    #    card.policy is a dict, json.dump it).
    card = p.score(as_of=AS_OF)
    scores = card.table("scores")
    results = scores[scores["measure"] == "score"]
    known = results["value"].notna()
    print(
        f"3. {len(scores)} score rows; a results score for {known.sum()} of {len(results)} "
        f"programmes (the others report no indicator values: unknown, not zero)"
    )

    # 4. Rank, with the Monte Carlo uncertainty of the ranks.
    ranks = p.rank(replications=1000, seed=1, as_of=AS_OF).table()
    ranked = ranks[ranks["rank"].notna()].sort_values("rank")
    unranked = ranks.loc[ranks["rank"].isna(), "not_ranked"].value_counts()
    print(f"4. {len(ranked)} programmes ranked; not ranked, by reason:\n{unranked.to_string()}")
    print(ranked[["rank", "programme_name", "rank_p05", "rank_p95"]].head(5).to_string(index=False))

    # 5. Yearly SSR disbursements per region. The flows table splits each
    #    programme's money between its recipients by their percentages, in
    #    the programme's own currency: without an exchange-rate table the
    #    currencies are not added up, so there is one panel per currency.
    flows = p.table("flows")
    paid = flows[flows["transaction_type"] == "disbursement"].copy()
    # Exact decimals in the table; floats are enough for a plot.
    paid["amount"] = paid["amount"].astype("float64")
    paid["region"] = paid.apply(region_of, axis=1)
    unknown_share = paid["amount"].isna().sum()
    not_mapped = sorted(paid.loc[paid["region"] == "not mapped", "recipient"].astype(str).unique())
    by_year = (
        paid.dropna(subset=["amount"])
        .groupby(["currency", "year", "region"], observed=True)["amount"]
        .sum()
        .div(1e6)
    )
    currencies = sorted(by_year.index.get_level_values("currency").unique())
    regions = sorted(by_year.index.get_level_values("region").unique())
    colours = dict(zip(regions, plt.get_cmap("tab10").colors))
    years = range(int(paid["year"].min()), int(paid["year"].max()) + 1)
    transactions = p.table("transactions")
    last = transactions.loc[transactions["transaction_type"] == "disbursement", "date"].max()
    fig, axes = plt.subplots(1, len(currencies), figsize=(6 * len(currencies), 4.5), squeeze=False)
    for ax, currency in zip(axes[0], currencies):
        table = by_year.loc[currency].unstack("region").reindex(years).fillna(0.0)
        table.plot.bar(ax=ax, stacked=True, width=0.8, color=[colours[r] for r in table.columns], legend=False)
        ax.set_ylim(0, table.sum(axis=1).max() * 1.08)
        ax.set_title(f"in {currency} (programmes reporting in {currency})")
        ax.set_xlabel("year")
        ax.set_ylabel(f"disbursed, million {currency}")
        ax.tick_params(axis="x", rotation=0)
        ax.grid(axis="y", alpha=0.3)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[r]) for r in regions]
    fig.legend(handles, regions, loc="lower center", ncol=len(regions), frameon=False)
    fig.suptitle(
        f"SSR disbursements (DAC 152xx) per recipient region: {len(p)} IATI activities, "
        f"transactions up to {last:%Y-%m-%d}"
    )
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    image = docs / "img" / "ssr-disbursements-by-region.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(image, dpi=120)
    plt.close(fig)
    print(
        f"5. {len(paid)} disbursement rows, {unknown_share} with an unknown recipient share "
        f"(left out), countries not mapped: {not_mapped or 'none'}; figure: {image}"
    )
    seconds = time.perf_counter() - started
    print(f"done in {seconds:.1f} s")
    return {
        "programmes": len(p),
        "findings": len(report),
        "ranked": len(ranked),
        "image": image,
        "by_year": by_year,
        "not_mapped": not_mapped,
        "seconds": seconds,
    }


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("SSR_SHARED_DATA") or here.parent.parent / "shared" / "data"
    parser.add_argument("data", nargs="?", type=Path, default=Path(default))
    parser.add_argument("--out", type=Path, default=here, help="the docs folder (the figure goes to OUT/img)")
    args = parser.parse_args()
    analyse(args.data, args.out)


if __name__ == "__main__":
    main()
