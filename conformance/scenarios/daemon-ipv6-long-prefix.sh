dockerd --ipv6 --fixed-cidr-v6=fd00:99::5/96
# A --fixed-cidr-v6 longer than /80 and with host bits: both engines start,
# docker0 takes the prefix's first address (the host bits dropped), and
# 20.10 cannot put a container's MAC (48 bits) under a /96, so it hands out
# addresses in order as 28 always does.
docker run -d --name d1 -p 18090:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name d2 netmodes/busybox:test sleep 3600
trace d2 -> [fd00:99::2]:80/tcp
trace host -> [fd00:99::2]:80/tcp
trace d2 -> fd00:99::1
trace host -> [::1]:18090/tcp
