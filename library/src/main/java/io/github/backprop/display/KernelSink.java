package io.github.backprop.display;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/** Sends live displays to the kernel, as IJava's {@code display} and {@code updateDisplay} do. */
final class KernelSink implements LiveTrainingDisplay.Sink {
    private final BaseKernel kernel;

    KernelSink(BaseKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String show(Object value) {
        DisplayData data = kernel.getRenderer().render(value);
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        kernel.display(data);
        return id;
    }

    @Override
    public void update(String id, Object value) {
        DisplayData data = kernel.getRenderer().render(value);
        kernel.getIO().display.updateDisplay(id, data);
    }
}
