# A cohort from standard input where nobody can be matched (no consent):
# no pairs, no histogram, the rule that blocked the mentee as text.
"$LIBMATCH" match --format html - < valid/cohort-minimal.json
