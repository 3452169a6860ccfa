package io.cockpit.smtp.ui.gateway;

/** A part of the gateway form a hint can send the user to. */
public enum FormPart {
    /** The OAuth 2.0 settings. */
    OAUTH,
    /** The transport, set to Microsoft Graph. */
    GRAPH
}
