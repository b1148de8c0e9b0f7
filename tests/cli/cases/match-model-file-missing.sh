"$LIBMATCH" match --model no-such-model.json
