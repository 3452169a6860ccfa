package io.cockpit.smtp.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Moves one column's value from a row of one store to an insert into another, whatever the two databases are: each
 * kind of column is read and written the one way both drivers agree on (an instant with its offset, bytes, text),
 * never as a driver's own object that the other driver may not take.
 */
final class ColumnValue {
    private ColumnValue() {
    }

    static void copy(ResultSet from, int fromIndex, StoreTables.Column source, PreparedStatement to, int toIndex,
                     StoreTables.Column target) throws SQLException {
        Object value = switch (kind(source)) {
            case INSTANT -> from.getObject(fromIndex, OffsetDateTime.class);
            case LOCAL_TIME -> from.getObject(fromIndex, LocalDateTime.class);
            case BYTES -> from.getBytes(fromIndex);
            case TEXT -> from.getString(fromIndex);
            case OTHER -> from.getObject(fromIndex);
        };
        if (value == null) {
            to.setNull(toIndex, target.type());
        } else if (value instanceof byte[] bytes) {
            to.setBytes(toIndex, bytes);
        } else if (value instanceof String text) {
            to.setString(toIndex, text);
        } else {
            to.setObject(toIndex, value);
        }
    }

    private enum Kind { INSTANT, LOCAL_TIME, BYTES, TEXT, OTHER }

    private static Kind kind(StoreTables.Column c) {
        String name = String.valueOf(c.typeName()).toLowerCase(Locale.ROOT);
        return switch (c.type()) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.INSTANT;
            // PostgreSQL's driver reports timestamptz as TIMESTAMP: its type name tells them apart.
            case Types.TIMESTAMP -> name.contains("tz") || name.contains("time zone") ? Kind.INSTANT : Kind.LOCAL_TIME;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BYTES;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                    Types.LONGNVARCHAR, Types.NCLOB -> Kind.TEXT;
            default -> Kind.OTHER;
        };
    }
}
