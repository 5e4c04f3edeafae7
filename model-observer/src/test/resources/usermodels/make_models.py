#!/usr/bin/python3
"""Builds the user-model test fixtures: a tiny CNN with seeded weights, exported as TorchScript (tiny.pt, RGB NCHW input)
and as ONNX (tiny.onnx, BGR NHWC input, so both channel orders and layouts are exercised), two test images, and the
outputs PyTorch computes for them (expected.json). Tandem's Java loading must reproduce those outputs within 1e-4.

Run from this directory with Debian's python3-torch and python3-onnx:  /usr/bin/python3 make_models.py
The preprocessing here mirrors the model cards: legacy bilinear resize (tfjs alignCorners=false, halfPixelCenters=false,
as Tandem's face-api port), then x * scale, then (x - mean) / std per channel, in the model's channel order.
"""
import json

import numpy as np
import torch
from PIL import Image
from torch import nn
from torch.nn import functional as F

HEIGHT, WIDTH = 24, 32
SCALE = 1.0 / 255.0
MEAN_RGB = [0.485, 0.456, 0.406]
STD_RGB = [0.229, 0.224, 0.225]
LABELS = ["cat", "dog", "bird", "fish"]


class Tiny(nn.Module):
    """Two conv stages and two linear layers; the flatten fixes the input size at 24x32, so other sizes are rejected."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc1 = nn.Linear(16 * 3 * 4, 16)
        self.fc2 = nn.Linear(16, len(LABELS))

    def forward(self, x):
        x = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        conv = torch.relu(self.conv2(x))                       # [N, 16, 12, 16]
        embedding = torch.relu(self.fc1(torch.flatten(F.avg_pool2d(conv, 4), 1)))
        return conv, embedding, self.fc2(embedding)


class NhwcBgr(nn.Module):
    """The same network taking NHWC input in BGR order, as many exported vision models do."""

    def __init__(self, body):
        super().__init__()
        self.body = body

    def forward(self, x):
        return self.body(x.permute(0, 3, 1, 2).flip(1))


def resize_bilinear_legacy(src, out_h, out_w):
    in_h, in_w, _ = src.shape
    dst = np.zeros((out_h, out_w, 3), dtype=np.float64)
    for r in range(out_h):
        sr = in_h / out_h * r
        r0, r1 = int(np.floor(sr)), min(in_h - 1, int(np.ceil(sr)))
        fr = sr - r0
        for c in range(out_w):
            sc = in_w / out_w * c
            c0, c1 = int(np.floor(sc)), min(in_w - 1, int(np.ceil(sc)))
            fc = sc - c0
            top = src[r0, c0] + (src[r0, c1] - src[r0, c0]) * fc
            bottom = src[r1, c0] + (src[r1, c1] - src[r1, c0]) * fc
            dst[r, c] = top + (bottom - top) * fr
    return dst.astype(np.float32)


def preprocess_nchw_rgb(rgb):
    x = resize_bilinear_legacy(rgb.astype(np.float64), HEIGHT, WIDTH).astype(np.float64)
    x = (x * SCALE - np.array(MEAN_RGB)) / np.array(STD_RGB)
    return torch.from_numpy(x.astype(np.float32)).permute(2, 0, 1).unsqueeze(0).contiguous()


def test_images():
    rng = np.random.default_rng(7)
    exact = rng.integers(0, 256, size=(HEIGHT, WIDTH, 3), dtype=np.uint8)        # already the model's size
    yy, xx = np.mgrid[0:30, 0:45]
    gradient = np.stack([xx * 5, yy * 8, (xx + yy) * 3], axis=-1) % 256          # resized 30x45 -> 24x32
    return {"exact.png": exact, "gradient.png": gradient.astype(np.uint8)}


def main():
    torch.manual_seed(20261129)
    model = Tiny().eval()
    example = torch.zeros(1, 3, HEIGHT, WIDTH)
    torch.jit.trace(model, example).save("tiny.pt")
    torch.onnx.export(NhwcBgr(model).eval(), torch.zeros(1, HEIGHT, WIDTH, 3), "tiny.onnx",
                      input_names=["image"], output_names=["conv", "embedding", "logits"],
                      dynamic_axes={"image": {0: "n"}, "conv": {0: "n"}, "embedding": {0: "n"}, "logits": {0: "n"}},
                      opset_version=13)
    expected = {}
    with torch.no_grad():
        for name, rgb in test_images().items():
            Image.fromarray(rgb, "RGB").save(name)
            conv, embedding, logits = model(preprocess_nchw_rgb(rgb))
            expected[name] = {"conv": conv[0].flatten().tolist(), "embedding": embedding[0].tolist(),
                              "logits": logits[0].tolist(), "probabilities": torch.softmax(logits[0], 0).tolist()}
    with open("expected.json", "w") as out:
        json.dump({"torch": torch.__version__, "images": expected}, out)


if __name__ == "__main__":
    main()
