#!/usr/bin/env python3
"""Write a tiny, randomly initialised BERT-shaped model in the transformers.js layout.

Lets the tests drive the real transformers.js + onnxruntime-node path (tokenizer,
ONNX session, mean pooling, normalisation) without downloading a model. The
weights are random, so the vectors mean nothing; only shape and plumbing are
tested.

    make_tiny_bert.py OUT_DIR [--hidden 384] [--seed 0]

writes OUT_DIR/{config.json, tokenizer.json, tokenizer_config.json,
onnx/model.onnx, onnx/model_quantized.onnx}. The "quantized" file holds the
same fp32 graph: transformers.js only picks it by name.

Needs Debian's python3-onnx and python3-numpy (apt-get install python3-onnx python3-numpy).
"""

import argparse
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# A few whole words in the four mailbox languages, so some text tokenises to
# words and the rest falls back to single characters / ##-pieces.
WORDS = """
the we will pay invoice payment paid please send copy dispute price
de het wij betalen factuur betaling kopie graag volgende week
la le nous facture paiement payer copie merci semaine
der die wir zahlen rechnung zahlung kopie bitte woche
""".split()
MAX_POSITIONS = 128


def build_vocab():
    vocab = list(SPECIALS)
    chars = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]
    punct = list(".,;:!?-_/()[]@#%&*+='\"<>€$")
    vocab += chars + punct + ["##" + c for c in chars]
    for w in WORDS:
        if w not in vocab:
            vocab.append(w)
    return {tok: i for i, tok in enumerate(vocab)}


def tokenizer_json(vocab):
    special = lambda tok: {"id": tok, "ids": [vocab[tok]], "tokens": [tok]}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for t in SPECIALS
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": special("[CLS]"), "[SEP]": special("[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


def build_graph(vocab_size, hidden, rng):
    inter = hidden * 2
    w = lambda *shape: (rng.standard_normal(shape) * 0.02).astype(np.float32)
    ones = lambda n: np.ones(n, dtype=np.float32)
    zeros = lambda n: np.zeros(n, dtype=np.float32)
    inits = {
        "word_emb": w(vocab_size, hidden), "pos_emb": w(MAX_POSITIONS, hidden), "type_emb": w(2, hidden),
        "ln0_g": ones(hidden), "ln0_b": zeros(hidden),
        "wq": w(hidden, hidden), "wk": w(hidden, hidden), "wv": w(hidden, hidden), "wo": w(hidden, hidden),
        "ln1_g": ones(hidden), "ln1_b": zeros(hidden),
        "w1": w(hidden, inter), "b1": zeros(inter), "w2": w(inter, hidden), "b2": zeros(hidden),
        "ln2_g": ones(hidden), "ln2_b": zeros(hidden),
        "scale": np.array(1.0 / np.sqrt(hidden), dtype=np.float32),
        "one_f": np.array(1.0, dtype=np.float32), "neg_big": np.array(-10000.0, dtype=np.float32),
        "zero_i": np.array(0, dtype=np.int64), "one_i": np.array(1, dtype=np.int64),
        "axes1": np.array([1], dtype=np.int64),
    }
    n = helper.make_node
    nodes = [
        # Embeddings: word + position + token type, then LayerNorm.
        n("Gather", ["word_emb", "input_ids"], ["we"]),
        n("Shape", ["input_ids"], ["ids_shape"]),
        n("Gather", ["ids_shape", "one_i"], ["seq_len"], axis=0),
        n("Range", ["zero_i", "seq_len", "one_i"], ["positions"]),
        n("Gather", ["pos_emb", "positions"], ["pe"]),
        n("Gather", ["type_emb", "token_type_ids"], ["te"]),
        n("Add", ["we", "pe"], ["e1"]),
        n("Add", ["e1", "te"], ["e2"]),
        n("LayerNormalization", ["e2", "ln0_g", "ln0_b"], ["x"], axis=-1, epsilon=1e-12),
        # One single-head self-attention block; padding is masked out.
        n("MatMul", ["x", "wq"], ["q"]),
        n("MatMul", ["x", "wk"], ["k"]),
        n("MatMul", ["x", "wv"], ["v"]),
        n("Transpose", ["k"], ["kt"], perm=[0, 2, 1]),
        n("MatMul", ["q", "kt"], ["qk"]),
        n("Mul", ["qk", "scale"], ["scores0"]),
        n("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        n("Unsqueeze", ["mask_f", "axes1"], ["mask3"]),
        n("Sub", ["one_f", "mask3"], ["inv_mask"]),
        n("Mul", ["inv_mask", "neg_big"], ["mask_bias"]),
        n("Add", ["scores0", "mask_bias"], ["scores"]),
        n("Softmax", ["scores"], ["probs"], axis=-1),
        n("MatMul", ["probs", "v"], ["ctx"]),
        n("MatMul", ["ctx", "wo"], ["attn_out"]),
        n("Add", ["x", "attn_out"], ["r1"]),
        n("LayerNormalization", ["r1", "ln1_g", "ln1_b"], ["h"], axis=-1, epsilon=1e-12),
        # Feed-forward.
        n("MatMul", ["h", "w1"], ["f0"]),
        n("Add", ["f0", "b1"], ["f1"]),
        n("Relu", ["f1"], ["f2"]),
        n("MatMul", ["f2", "w2"], ["f3"]),
        n("Add", ["f3", "b2"], ["f4"]),
        n("Add", ["h", "f4"], ["r2"]),
        n("LayerNormalization", ["r2", "ln2_g", "ln2_b"], ["last_hidden_state"], axis=-1, epsilon=1e-12),
    ]
    ids = lambda name: helper.make_tensor_value_info(name, TensorProto.INT64, ["batch_size", "sequence_length"])
    graph = helper.make_graph(
        nodes,
        "tiny_bert",
        [ids("input_ids"), ids("attention_mask"), ids("token_type_ids")],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                       ["batch_size", "sequence_length", hidden])],
        initializer=[numpy_helper.from_array(v, name=k) for k, v in inits.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="relance-tests")
    model.ir_version = 8  # onnxruntime-node 1.14 reads IR <= 9
    onnx.checker.check_model(model)
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--hidden", type=int, default=384)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    vocab = build_vocab()
    os.makedirs(os.path.join(args.out_dir, "onnx"), exist_ok=True)
    config = {
        "model_type": "bert", "architectures": ["BertModel"], "hidden_size": args.hidden,
        "num_attention_heads": 1, "num_hidden_layers": 1, "intermediate_size": args.hidden * 2,
        "vocab_size": len(vocab), "max_position_embeddings": MAX_POSITIONS, "type_vocab_size": 2,
        "pad_token_id": 0, "hidden_act": "relu", "layer_norm_eps": 1e-12,
    }
    tok_config = {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": MAX_POSITIONS,
        "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]",
        "mask_token": "[MASK]", "clean_up_tokenization_spaces": True,
    }
    for name, data in [("config.json", config), ("tokenizer.json", tokenizer_json(vocab)),
                       ("tokenizer_config.json", tok_config)]:
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    model = build_graph(len(vocab), args.hidden, rng)
    for name in ["model.onnx", "model_quantized.onnx"]:
        onnx.save(model, os.path.join(args.out_dir, "onnx", name))


if __name__ == "__main__":
    main()
