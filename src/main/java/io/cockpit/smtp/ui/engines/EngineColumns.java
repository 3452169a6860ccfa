package io.cockpit.smtp.ui.engines;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;

/** The engines table's cells: words for each value, and the state with its coloured dot (styled by the theme). */
final class EngineColumns {
    private EngineColumns() {
    }

    static <T> void value(TableColumn<EngineRow, T> column, Function<EngineRow, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** "● En ligne" / "● Hors ligne": the dot's colour and the words say it both, for whoever tells colours apart badly. */
    static void state(TableColumn<EngineRow, EngineRow> column, EngineWords words) {
        value(column, r -> r);
        column.setCellFactory(c -> new TableCell<>() {
            private final Region dot = new Region();

            {
                dot.getStyleClass().add("engine-state-dot");
            }

            @Override
            protected void updateItem(EngineRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("engine-online", "engine-offline");
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(words.state(row));
                setGraphic(dot);
                getStyleClass().add(row.online() ? "engine-online" : "engine-offline");
            }
        });
    }
}
