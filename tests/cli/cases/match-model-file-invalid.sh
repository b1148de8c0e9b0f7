"$LIBMATCH" match --model invalid/model-unknown-criterion.json
