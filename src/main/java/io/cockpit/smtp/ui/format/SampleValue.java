package io.cockpit.smtp.ui.format;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable sample value of a language tab: what the preview puts in for a variable. */
public final class SampleValue {
    private final String name;
    private final String description;
    private final StringProperty value;

    public SampleValue(String name, String description, String value) {
        this.name = name;
        this.description = description;
        this.value = new SimpleStringProperty(this, name, value == null ? "" : value);
    }

    public String name() { return name; }
    public String description() { return description; }
    public StringProperty valueProperty() { return value; }
}
