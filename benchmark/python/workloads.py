#!/usr/bin/env python3
"""The benchmark workloads W1-W3 (WORKLOADS.md) in numpy or PyTorch, float64, written the way a
learner would write them: the same equations as the Java library, as matrix expressions.

    python3 workloads.py numpy w1|w2|w3
    python3 workloads.py torch w1|w2|w3      (2 threads; set OMP_WAIT_POLICY=PASSIVE)

Prints the spec's JSON line and exits 1 if the correctness check fails. Run with Debian's python3
(python3-numpy, python3-torch)."""
import json
import math
import os
import resource
import sys
import time

import numpy as np

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


class SplitMix64:
    """The spec's generator, one draw at a time (for weights: a few hundred thousand draws)."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + GOLDEN) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53


def splitmix_block(seed, start, count):
    """Draws start .. start+count-1 of the stream with this seed, vectorised (uint64 arithmetic wraps)."""
    k = np.arange(start + 1, start + count + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + k * np.uint64(GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def gauss_block(seed, start, count):
    """Gaussian draws start .. start+count-1 (each uses four doubles), summed in the spec's order."""
    u = (splitmix_block(seed, 4 * start, 4 * count) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    u = u.reshape(count, 4)
    s = u[:, 0] + u[:, 1]
    s = s + u[:, 2]
    s = s + u[:, 3]
    return (s - 2.0) * math.sqrt(3.0)


def init_weights(seed, sizes):
    r = SplitMix64(seed)
    weights = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        scale = 1.0 / math.sqrt(fan_in)
        w = np.array([(2.0 * r.next_double() - 1.0) * scale for _ in range(fan_in * fan_out)])
        weights.append(w.reshape(fan_out, fan_in))
    return weights


def digits():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "library", "src", "main", "resources", "io", "github", "backprop",
                        "data", "digits.csv")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x = data[:, :64] / 16.0
    labels = data[:, 64].astype(int)
    return x, labels


def mnist_shape():
    n, d = 60_000, 784
    centres = gauss_block(1001, 0, 10 * d).reshape(10, d)
    labels = ((splitmix_block(1002, 0, n) >> np.uint64(33)) % np.uint64(10)).astype(np.int64)
    x = np.empty((n, d))
    rows = 5_000
    for i in range(0, n, rows):
        g = gauss_block(1003, i * d, rows * d).reshape(rows, d)
        x[i:i + rows] = np.minimum(1.0, np.maximum(0.0, centres[labels[i:i + rows]] + g))
    return x, labels


def one_hot(labels, classes):
    y = np.zeros((len(labels), classes))
    y[np.arange(len(labels)), labels] = 1.0
    return y


class Numpy:
    name = "numpy-f64"

    @staticmethod
    def tensor(a):
        return np.ascontiguousarray(a, dtype=np.float64)

    @staticmethod
    def sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    @staticmethod
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    @staticmethod
    def log(p):
        return np.log(p)

    @staticmethod
    def value(t):
        return float(t)

    @staticmethod
    def argmax(a):
        return np.argmax(a, axis=1)


class Torch:
    name = "torch-f64"

    def __init__(self):
        import torch
        torch.set_num_threads(2)
        self.torch = torch

    def tensor(self, a):
        return self.torch.from_numpy(np.ascontiguousarray(a, dtype=np.float64))

    def sigmoid(self, z):
        return 1.0 / (1.0 + self.torch.exp(-z))

    def softmax(self, z):
        e = self.torch.exp(z - z.max(dim=1, keepdim=True).values)
        return e / e.sum(dim=1, keepdim=True)

    def log(self, p):
        return self.torch.log(p)

    @staticmethod
    def value(t):
        return float(t)

    def argmax(self, a):
        return self.torch.argmax(a, dim=1).numpy()


def train_epoch(lib, x, y, params, lr, batch, head):
    w1, b1, w2, b2 = params
    n = x.shape[0]
    for k in range(0, n, batch):
        xb = x[k:k + batch]
        yb = y[k:k + batch]
        rows = xb.shape[0]
        z1 = xb @ w1.T + b1
        a1 = lib.sigmoid(z1)
        z2 = a1 @ w2.T + b2
        if head == "mse":
            a2 = lib.sigmoid(z2)
            d2 = (a2 - yb) * a2 * (1 - a2) / rows
        else:
            d2 = (lib.softmax(z2) - yb) / rows
        d1 = (d2 @ w2) * a1 * (1 - a1)
        gw2 = d2.T @ a1
        gb2 = d2.sum(0)
        gw1 = d1.T @ xb
        gb1 = d1.sum(0)
        w1 -= lr * gw1
        b1 -= lr * gb1
        w2 -= lr * gw2
        b2 -= lr * gb2


def forward(lib, x, params, head):
    w1, b1, w2, b2 = params
    a1 = lib.sigmoid(x @ w1.T + b1)
    z2 = a1 @ w2.T + b2
    return lib.sigmoid(z2) if head == "mse" else lib.softmax(z2)


def loss(lib, x, y, params, head):
    a = forward(lib, x, params, head)
    if head == "mse":
        return lib.value(((a - y) ** 2).sum() / 2 / x.shape[0])
    return lib.value(-(y * lib.log(a)).sum() / x.shape[0])


def run(lib, workload):
    if workload == "w1":
        x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
        y = np.array([[0], [1], [1], [0]], dtype=np.float64)
        sizes, seed, lr, batch, head, epochs, warmup = [2, 2, 1], 7, 0.5, 4, "mse", 10_000, 0
        x_test = labels_test = None
    elif workload == "w2":
        pixels, labels = digits()
        x, y = pixels[:1437], one_hot(labels[:1437], 10)
        x_test, labels_test = pixels[1437:], labels[1437:]
        sizes, seed, lr, batch, head, epochs, warmup = [64, 32, 10], 2, 1.0, 32, "mse", 100, 0
    else:
        x, labels = mnist_shape()
        y = one_hot(labels, 10)
        x_test = labels_test = None
        sizes, seed, lr, batch, head, epochs, warmup = [784, 128, 10], 3, 0.1, 64, "ce", 1, 1
    w1, w2 = init_weights(seed, sizes)
    params = [lib.tensor(w1), lib.tensor(np.zeros(sizes[1])), lib.tensor(w2), lib.tensor(np.zeros(sizes[2]))]
    x, y = lib.tensor(x), lib.tensor(y)
    for _ in range(warmup):
        train_epoch(lib, x, y, params, lr, batch, head)
    start = time.perf_counter()
    for _ in range(epochs):
        train_epoch(lib, x, y, params, lr, batch, head)
    seconds = time.perf_counter() - start
    final = loss(lib, x, y, params, head)
    out = {"impl": lib.name, "workload": {"w1": "xor", "w2": "digits", "w3": "mnist-shape"}[workload],
           "seconds_per_epoch": seconds / epochs, "total_seconds": seconds, "epochs_timed": epochs,
           "final_loss": final}
    if workload == "w1":
        ok = abs(final - 0.00170026763161650) <= 1e-12
    elif workload == "w2":
        predicted = lib.argmax(forward(lib, lib.tensor(x_test), params, head))
        correct = int((predicted == labels_test).sum())
        out["test_accuracy"] = correct / len(labels_test)
        out["test_correct"] = correct
        ok = correct == 326 and abs(final - 0.019281173766086592) <= 1e-9
    else:
        ok = abs(final - 0.0035796351947998) <= 1e-9 * 0.0035796351947998
    out["final_loss_ok"] = ok
    out["blas"] = blas_library()
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(out))
    return ok


def blas_library():
    """The BLAS this process has loaded (from /proc/self/maps): "openblas", "mkl", "reference" (netlib's
    unoptimised libblas, which Debian installs for python3-numpy when no other BLAS is there and which is
    several times slower on large products) or "unknown"."""
    try:
        with open("/proc/self/maps") as maps:
            names = {line.split()[-1].rsplit("/", 1)[-1] for line in maps if "/" in line}
    except OSError:
        return "unknown"
    if any("openblas" in n for n in names):
        return "openblas"
    if any("mkl" in n for n in names):
        return "mkl"
    if any(n.startswith("libblas.so") for n in names):
        return "reference"
    return "unknown"


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("numpy", "torch") or sys.argv[2] not in ("w1", "w2", "w3"):
        print("usage: workloads.py numpy|torch w1|w2|w3", file=sys.stderr)
        sys.exit(2)
    lib = Numpy() if sys.argv[1] == "numpy" else Torch()
    sys.exit(0 if run(lib, sys.argv[2]) else 1)


if __name__ == "__main__":
    main()
