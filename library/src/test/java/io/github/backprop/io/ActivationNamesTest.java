package io.github.backprop.io;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("A model file's activation names")
class ActivationNamesTest {

    @Test
    @DisplayName("read back as the activation that wrote each name")
    void roundTrip() {
        for (Activation f : new Activation[] {Activations.sigmoid(), Activations.tanh(), Activations.relu(),
                Activations.identity(), Activations.softmax()}) {
            assertSame(f, JsonFields.activationByName(f.name(), 0));
        }
        assertEquals(Activations.leakyRelu(0.3), JsonFields.activationByName(Activations.leakyRelu(0.3).name(), 0.3));
    }

    @Test
    @DisplayName("an unknown name is refused, listing the known ones")
    void unknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonFields.activationByName("gelu", 0));
        assertEquals("unknown activation 'gelu'; known: sigmoid, tanh, relu, leaky_relu, identity, softmax",
                e.getMessage());
    }
}
