# The staff report of the bundled tutoring sample, on standard output: the
# whole page, so that any change to it shows here, with the coverage by
# region and by goal (the CLI passes the cohort to the report).
"$LIBMATCH" match --model tutoring --format html
