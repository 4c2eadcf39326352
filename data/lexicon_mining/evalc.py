import re, sys, random, json
from lex import *
from fold import fold
rows = load_lexicon()
lexre = [(r, re.compile(entry_regex(r['kind'], r['form']))) for r in rows]
stop = set(fold(l.split('\t')[0]) for l in open('/work/main/src/hadath/lexicon/trigger_stoplist.tsv') if not l.startswith('#'))
docs = []
for l in open('corpus.folded.tsv'):
    i, src, cat, t = l.rstrip('\n').split('\t', 3)
    docs.append((i, src, t))
big = '\n'.join(d[2] for d in docs)
starts = []; pos = 0
for d in docs:
    starts.append(pos); pos += len(d[2]) + 1
import bisect
cands = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
out = open(sys.argv[2], 'w')
random.seed(7)
res = []
for c in cands:
    typ, mode, kind, form = c[:4]
    f = fold(form)
    rx = re.compile(entry_regex(kind, form))
    hits = [m.start() for m in rx.finditer(big)]
    na = ns = 0
    for h in hits:
        di = bisect.bisect_right(starts, h) - 1
        if docs[di][1] == 'ant': na += 1
        else: ns += 1
    cov = [f"{r['type']}/{r['kind']}/{r['form']}" for r, x in lexre if x.search(f)]
    sample = random.sample(hits, min(12, len(hits)))
    out.write(f"=== {typ}\t{mode}\t{kind}\t{form}\tant={na} snn={ns} cov={cov}\n")
    for h in sample:
        out.write('   ' + big[max(0, h-110):h+110].replace('\n', ' || ') + '\n')
    res.append((typ, mode, kind, form, na, ns, cov))
    print(f"{typ}\t{mode}\t{kind}\t{form}\t{na}\t{ns}\t{'COVERED:'+';'.join(cov) if cov else ''}", flush=True)
json.dump(res, open(sys.argv[2] + '.json', 'w'), ensure_ascii=False)
