#!/usr/bin/env bash
# Renders one demo report in Swedish and prints it with headless Chromium (A4, the report's print styles), as a PDF
# and as a PNG of the page. Not part of CI: run by hand after changing templates, then look at the result.
# Needs: apt-get install -y chromium
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/tests/artifacts"
work="$(mktemp -d)"
dotnet run --project "$root/host/PluginHost.Cli" -- demo --dir "$work" --lang sv > /dev/null
report="$work/output-journal-3-corrections-fixed.report.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/report-sv.pdf" "$report"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1300 --screenshot="$out/report-sv.png" "$report"
echo "written: $out/report-sv.pdf, $out/report-sv.png"
