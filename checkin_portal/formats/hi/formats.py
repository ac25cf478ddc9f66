# Hindi: only what differs from Django's module (django/conf/locale/hi), which is used for
# everything else. Its "g:i A" gives "2:30 बजे" for both 2:30 in the morning and in the
# afternoon (its catalogue has one word for AM and PM): a 24-hour clock is unambiguous.
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
