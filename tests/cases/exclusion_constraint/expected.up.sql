-- hazard long-lock: holds ACCESS EXCLUSIVE on public.bookings while it builds the index of bookings_during_excl
ALTER TABLE public.bookings ADD CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&);
