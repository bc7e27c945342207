"""The researcher's guide as a script (docs/guide.md explains each step).

Imports a folder of IATI files, validates, scores and ranks the SSR
programmes, plots the SSR share of yearly disbursements and expenditure
per region with matplotlib, shows which of the composite's choices drive the
ranks (Sobol indices), answers "SSR disbursements per recipient region per
year, SSR-weighted, net of transfers inside the portfolio" with the whole and
the weighted figure side by side (a table, and a figure), and joins the
programme-year panel to country-year data to plot programme trajectories:

    python docs/guide.py [DATA] [--out FOLDER] [--country-year CSV]

DATA is a folder of IATI XML files, or a folder holding one named ``iati``
(such as the shared data folder). Without DATA the guide reads
``$SSR_SHARED_DATA``, else ``../shared/data`` beside the repository;
``examples/data`` (illustrative, shipped with the repository) always works.
The figures go to ``FOLDER/ssr-spending-by-region.png``,
``FOLDER/ssr-rank-sensitivity.png``, ``FOLDER/ssr-net-whole-and-weighted.png``
and ``FOLDER/programme-trajectories.png`` (FOLDER defaults to
``guide-output`` in the current directory, never into the repository). CSV
is your country-year data, with the columns ``iso3``, ``year`` and one value
column; the default, ``examples/data/governance-illustrative.csv``, is an
**invented** governance index that only shows the join.
``python/tests/test_guide.py`` runs the guide, so it cannot rot.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no window
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import ssr_model as ssr  # noqa: E402

AS_OF = "2024-12-31"
# The years of the programme-year panel (step 7), each scored as of its
# 31 December.
PANEL_YEARS = range(2018, 2025)
# Illustrative country-year data shipped with the repository: invented
# numbers standing for the researcher's own (a governance or security
# index per ISO 3166-1 alpha-3 code and year).
COUNTRY_YEAR = Path(__file__).resolve().parents[1] / "examples" / "data" / "governance-illustrative.csv"
# At most this many programme trajectories are drawn (the ones known for
# the most years), so that the figure stays readable on a large corpus.
TRAJECTORIES = 12

# Continents (UN M49 macro-regions) of the recipient countries in the shared
# folder, by ISO 3166-1 alpha-3 code. The crate has no country-to-region
# table, so the guide states its own; a country missing here is counted as
# "not mapped" (and listed), never put in a region by guess.
CONTINENT = {
    **dict.fromkeys(
        "BFA CAF CMR COD ETH GIN KEN LBR LBY MAR MLI MOZ NER NGA SDN SEN SOM SSD TUN TZA UGA ZWE".split(),
        "Africa",
    ),
    **dict.fromkeys("COL HND PAN".split(), "Americas"),
    **dict.fromkeys("AFG BGD CYP GEO KGZ LBN LKA MDV MMR PAK PHL PSE SYR THA TUR".split(), "Asia"),
    **dict.fromkeys("BIH MDA MKD UKR XKX".split(), "Europe"),
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


def fmt_money(by_currency: pd.Series) -> str:
    """``{"EUR": 1.5e6}`` as ``"1.5 million EUR"``; "none" when empty."""
    parts = [f"{v / 1e6:,.1f} million {c}" for c, v in by_currency.items() if v]
    return ", ".join(parts) or "none"


def plot(by_year: pd.Series, last: pd.Timestamp, activities: int, out: Path) -> Path:
    """One stacked bar chart per currency; the last year is marked partial
    when the data stop before its end."""
    currencies = sorted(by_year.index.get_level_values("currency").unique())
    regions = sorted(by_year.index.get_level_values("region").unique())
    colours = dict(zip(regions, plt.get_cmap("tab10").colors))
    first_year = int(by_year.index.get_level_values("year").min())
    years = range(first_year, last.year + 1)
    partial = (last.month, last.day) != (12, 31)
    labels = [f"{y}\n(to {last:%d %b})" if partial and y == last.year else str(y) for y in years]
    fig, axes = plt.subplots(1, len(currencies), figsize=(6 * len(currencies), 4.8), squeeze=False)
    for ax, currency in zip(axes[0], currencies):
        table = by_year.loc[currency].unstack("region").reindex(years).fillna(0.0)
        table.plot.bar(ax=ax, stacked=True, width=0.8, color=[colours[r] for r in table.columns], legend=False)
        ax.set_ylim(0, max(table.sum(axis=1).max(), 1e-9) * 1.08)
        ax.set_title(f"in {currency} (programmes reporting in {currency})")
        ax.set_xticklabels(labels, rotation=0)
        ax.set_xlabel("year")
        ax.set_ylabel(f"SSR share, million {currency}")
        ax.grid(axis="y", alpha=0.3)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[r]) for r in regions]
    fig.legend(handles, regions, loc="lower center", ncol=len(regions), frameon=False)
    fig.suptitle(
        f"SSR share (DAC 152xx sector percentages) of disbursements and expenditure per recipient "
        f"region: {activities} IATI activities, transactions up to {last:%Y-%m-%d}",
        fontsize=10,
    )
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    out.mkdir(parents=True, exist_ok=True)
    image = out / "ssr-spending-by-region.png"
    fig.savefig(image, dpi=120)
    plt.close(fig)
    return image


def plot_sensitivity(shift: pd.DataFrame, samples: int, out: Path) -> Path:
    """S_i and S_Ti of each factor on the mean rank shift, with their 95 %
    bootstrap intervals; a factor whose index is unknown is not drawn."""
    shift = shift.dropna(subset=["s_first", "s_total"])
    y = range(len(shift))
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(shift) + 2.0))
    for offset, (column, label) in zip((-0.18, 0.18), (("s_first", "S_i (alone)"), ("s_total", "S_Ti (with interactions)"))):
        low, high = shift[f"{column}_low"], shift[f"{column}_high"]
        ax.barh(
            [i + offset for i in y],
            shift[column],
            height=0.34,
            xerr=[shift[column] - low, high - shift[column]],
            capsize=2,
            label=label,
        )
    ax.set_yticks(list(y), shift["factor"])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("Sobol index of the mean absolute rank shift (95 % bootstrap interval)")
    ax.set_title(f"Which choices drive the ranks ({samples} base samples)", fontsize=10)
    fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=2, frameon=False)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    out.mkdir(parents=True, exist_ok=True)
    image = out / "ssr-rank-sensitivity.png"
    fig.savefig(image, dpi=120)
    plt.close(fig)
    return image


def net_whole_and_weighted(paid: pd.DataFrame) -> pd.DataFrame:
    """Money paid out per currency, year and region, net of transfers inside
    the portfolio, whole and SSR-weighted side by side (million units).

    Net: rows whose ``internal_transfer`` is true are money one imported
    activity passes to another imported activity; the next link of the
    chain counts the same money again (as its own disbursement or
    expenditure), so leaving them out counts it once, where it is spent.
    Whole: ``amount`` (empty when a recipient share is unknown). Weighted:
    ``ssr_amount``, the amount times the SSR sectors' share (empty when
    that share is unknown: such money is in ``whole`` but not in ``ssr``,
    and ``unknown_share`` says how much of ``whole`` that is)."""
    net = paid[~paid["internal_transfer"].astype(bool)].copy()
    net["whole"] = net["amount"].astype("float64")
    net["ssr"] = net["ssr_amount"].astype("float64")
    net["unknown_share"] = net["whole"].where(net["ssr"].isna(), 0.0)
    keys = ["currency", "year", "region"]
    table = net.groupby(keys, observed=True)[["whole", "ssr", "unknown_share"]].sum(min_count=1).div(1e6)
    table["ssr_share"] = table["ssr"] / (table["whole"] - table["unknown_share"].fillna(0.0))
    return table


def plot_net(table: pd.DataFrame, out: Path) -> Path:
    """Per currency, two panels with one y scale: the whole money paid out,
    and its SSR-weighted part, stacked by region, net of internal transfers."""
    currencies = sorted(table.index.get_level_values("currency").unique())
    regions = sorted(table.index.get_level_values("region").unique())
    colours = dict(zip(regions, plt.get_cmap("tab10").colors))
    fig, axes = plt.subplots(
        len(currencies), 2, figsize=(11, 4 * len(currencies)), squeeze=False, sharey="row"
    )
    for row, currency in zip(axes, currencies):
        of_currency = table.loc[currency]
        for ax, column, title in zip(row, ["whole", "ssr"], ["whole", "SSR-weighted"]):
            bars = of_currency[column].unstack("region").fillna(0.0)
            bars.plot.bar(ax=ax, stacked=True, width=0.8, color=[colours[r] for r in bars.columns], legend=False)
            ax.set_title(f"{title}, million {currency}, net of internal transfers", fontsize=9)
            ax.set_xlabel("year")
            ax.tick_params(axis="x", labelrotation=0)
            ax.grid(axis="y", alpha=0.3)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[r]) for r in regions]
    fig.legend(handles, regions, loc="lower center", ncol=len(regions), frameon=False)
    fig.suptitle("Disbursements and expenditure per recipient region: whole and SSR-weighted", fontsize=10)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    out.mkdir(parents=True, exist_ok=True)
    image = out / "ssr-net-whole-and-weighted.png"
    fig.savefig(image, dpi=120)
    plt.close(fig)
    return image


def plot_trajectories(joined: pd.DataFrame, value: str, out: Path) -> Path:
    """Each programme's results score year by year (left) beside the
    country-year value of its main recipient (right), one colour per
    programme."""
    known = joined.dropna(subset=["progress"])
    chosen = known.groupby("programme_id", observed=True).size().sort_values(ascending=False)
    chosen = chosen.index[:TRAJECTORIES]
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8), sharex=True)
    colours = plt.get_cmap("tab20").colors
    for k, pid in enumerate(chosen):
        rows = joined[joined["programme_id"] == pid].sort_values("year")
        label = f"{rows['programme_name'].iloc[0][:40]} ({rows['main_recipient'].iloc[0]})"
        colour = colours[k % len(colours)]
        left.plot(rows["year"], rows["progress"], marker="o", color=colour, label=label)
        right.plot(rows["year"], rows[value], marker="s", linestyle="--", color=colour)
    left.set_ylim(0, 1.05)
    left.set_ylabel("results score (0–1) as of 31 December")
    right.set_ylabel(f"{value} of the main recipient (your data)")
    for ax in (left, right):
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
    fig.legend(loc="lower center", ncol=2, fontsize=7, frameon=False)
    fig.suptitle(f"Programme trajectories beside country-year data ({len(chosen)} programmes)", fontsize=10)
    fig.tight_layout(rect=(0, 0.18, 1, 1))
    out.mkdir(parents=True, exist_ok=True)
    image = out / "programme-trajectories.png"
    fig.savefig(image, dpi=120)
    plt.close(fig)
    return image


def panel_step(p: ssr.Portfolio, country_year: Path, out: Path) -> dict[str, object]:
    """Step 7: the programme-year panel joined to country-year data."""
    # Every programme scored as of 31 December of each year: what was known
    # then (the as-of rule), so that a trajectory never uses later facts.
    panel = p.panel(PANEL_YEARS)
    # The join keys: the programme's main recipient (ISO 3166-1 alpha-3, or
    # an IATI region code, which matches no country row) and the year. The
    # `recipients` column lists every recipient with its share, for
    # multi-country programmes.
    panel["iso3"] = panel["main_recipient"].astype("string")
    panel["year"] = panel["year"].astype("int64")
    data = pd.read_csv(country_year, dtype={"iso3": "string"})
    value = next(c for c in data.columns if c not in ("iso3", "year"))
    data["year"] = data["year"].astype("int64")
    joined = panel.merge(data, how="left", on=["iso3", "year"], validate="many_to_one")
    matched = int(joined[value].notna().sum())
    unmatched = sorted(joined.loc[joined[value].isna(), "iso3"].dropna().unique())
    image = plot_trajectories(joined, value, out)
    print(
        f"7. panel: {len(panel)} programme-years ({len(p)} programmes × {len(PANEL_YEARS)} years); "
        f"{matched} joined to {country_year.name} ({value}); main recipients without a row there: "
        f"{unmatched or 'none'}; figure: {image}"
    )
    return {"panel": joined, "trajectories": image, "joined": matched}


def analyse(data: Path, out: Path, country_year: Path = COUNTRY_YEAR) -> dict[str, object]:
    started = time.perf_counter()

    # 1. Import every file of the folder: SSR sectors (DAC 152xx) only.
    folder = data / "iati" if (data / "iati").is_dir() else data
    p = ssr.read_iati([folder], sector="152")
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
    results = scores[(scores["measure"] == "score") & scores["subject_kind"].isna()]  # programmes, not components
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

    # 4b. Which of the composite's choices drive those ranks: Sobol indices
    #     of each weight, the normalisation, the aggregation and leaving one
    #     dimension out, on the mean absolute rank shift (one row per factor;
    #     the table also has each programme's rank and composite).
    samples = 256
    sensitivity = p.sensitivity(samples=samples, seed=1, as_of=AS_OF)
    shift = sensitivity[sensitivity["output"] == "mean_rank_shift"]
    sensitivity_image = plot_sensitivity(shift, samples, out)
    print(f"4b. sensitivity of the ranks; figure: {sensitivity_image}")
    print(shift[["factor", "s_first", "s_total"]].round(2).to_string(index=False))

    # 5. The SSR share of yearly disbursements and expenditure per region.
    #    Publishers report money paid out either as disbursements (to an
    #    implementer) or as expenditure (spent directly): both count here.
    #    The flows table splits each programme's money between its
    #    recipients by their percentages and gives its SSR part
    #    (`ssr_amount`, by DAC 152xx sector percentages), in the programme's
    #    own currency: without an exchange-rate table the currencies are not
    #    added up, so there is one panel per currency.
    flows = p.table("flows")
    paid = flows[flows["transaction_type"].isin(["disbursement", "expenditure"])].copy()
    # Exact decimals in the table; floats are enough for a plot.
    paid["ssr_amount"] = paid["ssr_amount"].astype("float64")
    paid["region"] = paid.apply(region_of, axis=1)
    unknown = paid[paid["ssr_amount"].isna()]
    left_out = unknown.groupby("currency", observed=True)["amount"].sum().astype("float64")
    not_mapped = sorted(paid.loc[paid["region"] == "not mapped", "recipient"].astype(str).unique())
    by_year = (
        paid.dropna(subset=["ssr_amount"])
        .groupby(["currency", "year", "region"], observed=True)["ssr_amount"]
        .sum()
        .div(1e6)
    )
    transactions = p.table("transactions")
    spent = transactions["transaction_type"].isin(["disbursement", "expenditure"])
    last = transactions.loc[spent, "date"].max()
    if by_year.empty:
        sys.exit("guide.py: no disbursement or expenditure with a known SSR share to plot")
    image = plot(by_year, last, len(p), out)
    print(
        f"5. {len(paid)} disbursement and expenditure rows; {len(unknown)} with an unknown SSR "
        f"share, left out of the figure (whole amounts: {fmt_money(left_out)}); countries not "
        f"mapped: {not_mapped or 'none'}; last transaction {last:%Y-%m-%d}; figure: {image}"
    )

    # 6. The net question: SSR disbursements per recipient region per year,
    #    SSR-weighted, net of transfers inside the portfolio, with the whole
    #    figure beside the weighted one. Money paid out is disbursements and
    #    expenditure, as in step 5: at the end of a funding chain the money
    #    is often reported as expenditure, and net flows count it there.
    transfers = int(paid["internal_transfer"].astype(bool).sum())
    net = net_whole_and_weighted(paid)
    net_image = plot_net(net, out)
    with pd.option_context("display.float_format", "{:,.3f}".format, "display.max_rows", 200):
        print(
            f"6. paid out per region and year, net of {transfers} internal-transfer rows "
            f"(million; whole and SSR-weighted side by side; figure: {net_image}):\n{net.to_string()}"
        )

    # 7. The programme-year panel joined to country-year data.
    trajectories = panel_step(p, country_year, out)
    seconds = time.perf_counter() - started
    print(f"done in {seconds:.1f} s")
    return {
        **trajectories,
        "programmes": len(p),
        "findings": len(report),
        "ranked": len(ranked),
        "image": image,
        "sensitivity_image": sensitivity_image,
        "sensitivity": shift,
        "by_year": by_year,
        "net": net,
        "net_image": net_image,
        "internal_transfers": transfers,
        "not_mapped": not_mapped,
        "unknown_share": len(unknown),
        "seconds": seconds,
    }


def default_data() -> Path:
    """``$SSR_SHARED_DATA``, else ``../shared/data`` beside the repository."""
    if os.environ.get("SSR_SHARED_DATA"):
        return Path(os.environ["SSR_SHARED_DATA"])
    return Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data",
        nargs="?",
        type=Path,
        help="a folder of IATI XML files, or one holding iati/ (default: $SSR_SHARED_DATA, else ../shared/data)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("guide-output"), help="the folder the figures go to (default: guide-output)"
    )
    parser.add_argument(
        "--country-year",
        type=Path,
        default=COUNTRY_YEAR,
        help="your country-year CSV: iso3, year and one value column (default: the illustrative "
        "examples/data/governance-illustrative.csv, invented numbers)",
    )
    args = parser.parse_args()
    data = args.data or default_data()
    if not data.is_dir():
        sys.exit(
            f"guide.py: no data folder at {data}. Name one (python docs/guide.py examples/data "
            "runs on the illustrative data shipped with the repository) or set SSR_SHARED_DATA."
        )
    if not args.country_year.is_file():
        sys.exit(f"guide.py: no country-year file at {args.country_year}")
    analyse(data, args.out, args.country_year)


if __name__ == "__main__":
    main()
