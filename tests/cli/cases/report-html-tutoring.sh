# The staff report of the bundled tutoring sample, on standard output: the
# whole page, so that any change to it shows here. Without the cohort (the
# CLI writes lm_result_write's HTML), the coverage section is a note.
"$LIBMATCH" match --model tutoring --format html
