"""Benchmark guidance documents (.docx) and office notices (PDF) in-process, after the checks.
Not a test: run by hand and quote the numbers.

    python bench/documents.py --scale district [--notices 3] [--skip-docxtpl]

Content comes from ``bench/synth.py`` (the repository's own for ``--scale sample``), with the
repository's ``documents/`` (kinds.yaml and the Word templates) copied in. Reports, per script:

- the batch filler (``generator.documents``): every document of every published item, time per
  document and total, and the same documents made with docxtpl (``--skip-docxtpl`` to leave it
  out) for the comparison that justifies the filler;
- notices (``generator.notices``): for the first ``--notices`` departments, the HTML, WeasyPrint's
  layout and its PDF writing (font subsetting included) in CPU seconds, pages and size; one
  PDF again with ``full_fonts`` (no subsetting) for its cost; and whether two renderings of
  the same notice give the same bytes.

CPU time (``time.process_time``) is reported beside wall time: the machine is shared. The peak
RSS is the whole process's (content and checks included), so it only grows.
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402
from generator import checks, documents, notices  # noqa: E402
from generator.script import Converter  # noqa: E402


def timed(run) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def bench_documents(root: Path, loaded, settings, converter: Converter, docxtpl: bool) -> None:
    context, findings = documents.load_context(root, settings, loaded, 2025)
    if context is None:
        sys.exit(f"documents/ has errors: {findings[:3]}")
    jobs = [(i, d, k) for d in loaded.content.departments for i in d.items for k in documents.kinds_for(i, context)]
    items = len({i.id for i, _, _ in jobs})
    for script in documents.SCRIPTS:
        documents.write_for_item(*jobs[0][:2], context, jobs[0][2], converter, script)  # compile the templates
        wall, cpu, sizes = timed(lambda: [len(documents.write_for_item(i, d, context, k, converter, script))
                                          for i, d, k in jobs])
        print(f"documents {script}: {len(jobs)} documents of {items} items: {wall:.2f} s wall, {cpu:.2f} s cpu, "
              f"{cpu / len(jobs) * 1000:.2f} ms cpu per document, {sum(sizes) // len(sizes) // 1024} KB each")
    if docxtpl:
        from docxtpl import DocxTemplate

        sample = jobs[: min(len(jobs), 100)]

        def with_docxtpl() -> None:
            for item, department, kind in sample:
                values = documents.values(item, department, context, kind, converter)
                flat = {k: v if isinstance(v, str) else "".join(v) for k, v in values.items()}
                template = DocxTemplate(io.BytesIO(context.template_bytes(kind)))
                template.render(flat)
                template.save(io.BytesIO())

        wall, cpu, _ = timed(with_docxtpl)
        print(f"docxtpl zh-Hans: {len(sample)} documents: {cpu / len(sample) * 1000:.1f} ms cpu per document "
              f"(lists joined, so less work than the filler does)")


def bench_notices(loaded, settings, converter: Converter, count: int) -> None:
    context = notices.Context.of(settings, loaded.library, "2025-06-30")
    import weasyprint

    departments = sorted(loaded.content.departments, key=lambda d: d.code)[:count]
    timed(lambda: notices.pdf(departments[0], departments[0].items, departments[0].no_penalty, context, converter))
    for script in notices.SCRIPTS:
        total = 0.0
        for d in departments:
            _, html_cpu, page = timed(lambda: notices.html(d, d.items, d.no_penalty, context, converter, script))
            _, layout_cpu, doc = timed(lambda: weasyprint.HTML(string=page).render())
            _, write_cpu, data = timed(lambda: doc.write_pdf())
            total += html_cpu + layout_cpu + write_cpu
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"notice {script} {d.code}: {len(d.published_items)} items, {len(doc.pages)} pages, "
                  f"{len(data) // 1024} KB; cpu: html {html_cpu:.2f} s, layout {layout_cpu:.2f} s, "
                  f"pdf writing with font subsetting {write_cpu:.2f} s; process peak RSS so far {peak} MB")
        print(f"notices {script}: {total / len(departments):.2f} s cpu per department")
    d = departments[0]
    page = notices.html(d, d.items, d.no_penalty, context, converter)
    doc = weasyprint.HTML(string=page).render()
    _, full_cpu, full = timed(lambda: doc.write_pdf(full_fonts=True))
    print(f"notice {d.code} with full fonts (no subsetting): pdf writing {full_cpu:.2f} s cpu, {len(full) // 1024} KB")
    first = notices.pdf(d, d.items, d.no_penalty, context, converter)
    second = notices.pdf(d, d.items, d.no_penalty, context, converter)
    print(f"notice {d.code} rendered twice: {'identical bytes' if first == second else 'DIFFERENT BYTES'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=sorted(synth.SCALES), default="sample")
    parser.add_argument("--notices", type=int, default=3, help="how many departments' notices to print")
    parser.add_argument("--skip-docxtpl", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = ROOT if args.scale == "sample" else synth.generate(args.scale, Path(tmp) / "content")
        if root != ROOT:
            shutil.copytree(ROOT / "documents", root / "documents")
        loaded, settings, findings = checks.run(root)
        if loaded is None or settings is None:
            sys.exit(f"content has errors: {findings[:3]}")
        converter = Converter(settings.hant_variant)
        bench_documents(root, loaded, settings, converter, not args.skip_docxtpl)
        bench_notices(loaded, settings, converter, args.notices)


if __name__ == "__main__":
    main()
