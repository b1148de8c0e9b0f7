# CSV cohorts: one row per person; BOM, CRLF, quoted cells, blank and empty
# rows, x- columns; standard input is recognised by its first byte.
"$LIBMATCH" validate valid/cohort-spreadsheet.csv
"$LIBMATCH" validate valid/cohort-private.csv
"$LIBMATCH" validate - <valid/cohort-minimal.csv
"$LIBMATCH" validate valid/cohort-header-only.csv
