#!/usr/bin/env python3
"""After the main job re-rendered the notebooks (on another JDK), check that every code cell's
result (its execute_result text/plain, what NotebooksTest compares) is what the committed notebook
holds. Charts may differ in their PNG bytes between JDKs (font rendering); results must not.
Exits 1 and lists the cells that differ."""
import json
import subprocess
import sys
from pathlib import Path


def results(notebook_json):
    out = {}
    for cell in json.loads(notebook_json)['cells']:
        if cell['cell_type'] != 'code':
            continue
        text = None
        for o in cell.get('outputs', []):
            if o.get('output_type') == 'execute_result':
                t = o.get('data', {}).get('text/plain')
                text = ''.join(t) if isinstance(t, list) else t
        out[cell['id']] = text
    return out


different = []
paths = sorted(Path('notebooks').glob('*.ipynb')) + sorted(Path('notebooks/solutions').glob('*.ipynb'))
for path in paths:
    committed = subprocess.run(['git', 'show', 'HEAD:' + str(path)], capture_output=True, text=True, check=True).stdout
    now = results(path.read_text(encoding='utf-8'))
    then = results(committed)
    for cell_id, text in then.items():
        if now.get(cell_id) != text:
            different.append('%s, cell %s: committed %r, now %r' % (path, cell_id, text, now.get(cell_id)))
print('%d notebooks: %s' % (len(paths), 'every result as committed' if not different else '%d results differ' % len(different)))
for line in different:
    print('  ' + line)
sys.exit(1 if different else 0)
