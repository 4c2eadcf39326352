"""Text layer: offset-preserving normalisation, sentences and clitic tokens."""
from hadath.text.normalize import Normalized, arabic_ratio, fold, normalize
from hadath.text.sentences import split_sentences
from hadath.text.tokenizer import CliticTokenizer, split_clitics

__all__ = ["Normalized", "normalize", "fold", "arabic_ratio", "split_sentences", "CliticTokenizer", "split_clitics"]
