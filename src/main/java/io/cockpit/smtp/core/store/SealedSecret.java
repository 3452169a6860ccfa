package io.cockpit.smtp.core.store;

import java.util.Objects;

/**
 * A secret as it is stored: encrypted with the key file (AES-GCM). Configuration records carry secrets only in
 * this form, so a record can be shown, logged or compared without ever holding the plain text.
 */
public final class SealedSecret {
    private final String ciphertext;

    public SealedSecret(String ciphertext) {
        this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
    }

    public String ciphertext() {
        return ciphertext;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedSecret s && s.ciphertext.equals(ciphertext);
    }

    @Override
    public int hashCode() {
        return ciphertext.hashCode();
    }

    @Override
    public String toString() {
        return "********";
    }
}
