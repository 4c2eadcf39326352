import gzip, json, sys
from fold import fold
out = open('corpus.folded.tsv', 'w')
n = 0
for fn, src in [('/work/shared/data/corpora/ant_multisource_2018.jsonl.gz', 'ant'), ('/work/shared/data/corpora/saudinewsnet_2015.jsonl.gz', 'snn')]:
    for l in gzip.open(fn, 'rt'):
        d = json.loads(l)
        cat = d.get('category') or ''
        if src == 'ant' and cat not in ('middleEast', 'internationalNews'):
            continue
        t = (d.get('title') or '') + ' . ' + (d.get('text') or '')
        t = fold(t).replace('\t', ' ').replace('\n', ' ¶ ')
        out.write(f"{d['id']}\t{src}\t{cat}\t{t}\n"); n += 1
print(n)
