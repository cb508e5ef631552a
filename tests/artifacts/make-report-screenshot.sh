#!/usr/bin/env bash
# Renders demo reports in Swedish and Norwegian and prints them with headless Chromium (A4, the report's print styles),
# as PDFs and as PNGs of the page: the output journal's corrections and the project invoice's corrections. Not part of
# CI: run by hand after changing templates, labels or the glossary, then look at the result.
# Needs: apt-get install -y chromium
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/tests/artifacts"
dotnet build "$root/host/PluginHost.Cli" > /dev/null
for lang in sv nb; do
  work="$(mktemp -d)"
  dotnet run --no-build --project "$root/host/PluginHost.Cli" -- demo --dir "$work" --lang "$lang" > /dev/null
  for story in output-journal-3-corrections-fixed projects-3-corrections-fixed; do
    name="report-$lang-${story%%-[0-9]*}"
    report="$work/$story.report.html"
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$report" 2> /dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1500 --screenshot="$out/$name.png" "$report" 2> /dev/null
    echo "written: $out/$name.pdf, $out/$name.png"
  done
  rm -rf "$work"
done
