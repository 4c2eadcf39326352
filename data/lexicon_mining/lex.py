import re, csv
from fold import fold
AR = '\u0621-\u064A'
PRON = '(?:ه|ها|هم|هما|هن|ك|كم|ني|نا|ي)?'
def verb_alts(w):
    alts = [w + '(?:ت|وا|ا|تا|نا|تم|ن|و)?' + PRON]
    if w.endswith('ا') or w.endswith('ي'):
        s = w[:-1]
        alts.append(s + '(?:ت|وا|تا|و)' + PRON)
        alts.append(s + '(?:ي|و)(?:ت|نا|تم)' + PRON)
    return alts
def pres_alts(w):
    body = w[1:] if w.startswith('ي') else w
    return ['س?(?:ي|ت|ن|ا)' + re.escape(body) + '(?:ون|ان|ين|ن|وا|ا)?' + PRON]
def noun_alts(w):
    if w.endswith('ه'):
        return [w + PRON, w[:-1] + 'ت' + PRON[:-1], w[:-1] + 'تي' ]
    return [w + '(?:ا|ان|ين)?' + PRON]
def entry_regex(kind, form):
    f = fold(form).strip()
    words = f.split()
    pre = '(?<![' + AR + '])(?:و|ف)?(?:ب|ل|ك)?'
    post = '(?![' + AR + '])'
    if kind == 'past':
        core = '(?:' + '|'.join(verb_alts(words[0])) + ')'
    elif kind == 'pres':
        core = '(?:' + '|'.join(pres_alts(words[0])) + ')'
    elif kind == 'noun':
        core = '(?:ال|لل)?(?:' + '|'.join(noun_alts(words[0])) + ')'
    else:
        if len(words) == 1:
            first = '(?:' + '|'.join(verb_alts(words[0]) + noun_alts(words[0])) + ')'
            return pre + '(?:ال|لل)?' + first + post
        first = '(?:' + '|'.join(verb_alts(words[0]) + (pres_alts(words[0]) if words[0].startswith('ي') else [])) + ')'
        mid = ''.join(r'\s+' + re.escape(x) for x in words[1:-1])
        last = r'\s+' + re.escape(words[-1]) + PRON
        core = first + mid + last
    return pre + core + post
def load_lexicon(path='/work/main/src/hadath/lexicon/triggers.tsv'):
    rows = []
    for line in open(path):
        if line.startswith('#') or line.startswith('type\t'): continue
        p = line.rstrip('\n').split('\t')
        if len(p) < 4: continue
        rows.append(dict(type=p[0], mode=p[1], kind=p[2], form=p[3], note=p[4] if len(p) > 4 else ''))
    return rows
