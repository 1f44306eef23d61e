package org.selfkms.cli.output;

/** -o/--output: lower case, as typed on the command line. */
public enum OutputFormat {
    /** Aligned columns and "name  value" lines, for people. */
    table,
    /** The server's JSON object, on one line, for jq and scripts. */
    json
}
