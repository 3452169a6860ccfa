package io.cockpit.smtp.ui.common;

import io.cockpit.smtp.core.validation.FieldProblem;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Each field's problem on a form, by the field's stable name (the one the core's checks and the CLI use); null when
 * the field is fine. Views show them through {@link FieldDecoration}; a form is valid while none is an error.
 */
public final class FieldProblems {
    private final Map<String, ReadOnlyObjectWrapper<FieldProblem>> byField = new LinkedHashMap<>();

    public FieldProblems(Object bean, Collection<String> fields) {
        fields.forEach(f -> byField.put(f, new ReadOnlyObjectWrapper<>(bean, f)));
    }

    public ReadOnlyObjectProperty<FieldProblem> property(String field) {
        return wrapper(field).getReadOnlyProperty();
    }

    /** True when the form has this field (the core may name fields a form does not show). */
    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public void set(String field, FieldProblem problem) {
        wrapper(field).set(problem);
    }

    /** Replaces every field's problem: each field gets the first problem found for it, the others none. */
    public void showFirstOfEach(List<FieldProblem> problems) {
        byField.values().forEach(w -> w.set(null));
        for (FieldProblem p : problems) {
            ReadOnlyObjectWrapper<FieldProblem> w = byField.get(p.field());
            if (w != null && w.get() == null) {
                w.set(p);
            }
        }
    }

    /** True while no field has an error (warnings do not block a save). */
    public boolean noErrors() {
        return byField.values().stream().allMatch(w -> w.get() == null || !w.get().isError());
    }

    private ReadOnlyObjectWrapper<FieldProblem> wrapper(String field) {
        ReadOnlyObjectWrapper<FieldProblem> w = byField.get(field);
        if (w == null) {
            throw new IllegalArgumentException("the form has no field '" + field + "' (fields: " + byField.keySet() + ")");
        }
        return w;
    }
}
