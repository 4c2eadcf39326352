import re, sys, random, json
from lex import *
from fold import fold
rows = load_lexicon()
lexre = [(r, re.compile(entry_regex(r['kind'], r['form']))) for r in rows]
docs = []
for l in open('corpus.folded.tsv'):
    i, src, cat, t = l.rstrip('\n').split('\t', 3)
    docs.append((src, t))
cands = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
out = open(sys.argv[2], 'w'); random.seed(11)
for c in cands:
    typ, mode, kind, form = c[:4]
    f = fold(form)
    key = max(f.split(), key=len)
    key = key[:max(3, len(key)-2)]
    rx = re.compile(entry_regex(kind, form))
    hits = []; na = ns = 0
    for src, t in docs:
        if key not in t: continue
        for m in rx.finditer(t):
            hits.append((t, m.start(), m.end()))
            if src == 'ant': na += 1
            else: ns += 1
    cov = [f"{r['type']}/{r['kind']}/{r['form']}" for r, x in lexre if x.search(f)]
    out.write(f"## {typ}\t{mode}\t{kind}\t{form}\tant={na} snn={ns} cov={cov}\n")
    for t, s, e in random.sample(hits, min(10, len(hits))):
        out.write('   ' + t[max(0, s-70):s].replace('\n',' ') + ' [[' + t[s:e] + ']] ' + t[e:e+60] + '\n')
    print(f"{typ}\t{mode}\t{kind}\t{form}\t{na}\t{ns}\t{'COVERED:'+';'.join(cov) if cov else ''}", flush=True)
