# The pure solver's result as a report: no model, no criteria columns.
"$LIBMATCH" assign valid/edges-basic.csv --capacities valid/caps-basic.csv --format html \
	| grep -o -e '<tr class="pair">' -e 'own scores (pure solver)' -e 'Breakdown' | sort | uniq -c
