# The refusals of wrong IPv6 combinations that ipv6-networks.sh does not
# reach, each engine's own text: --ip6 on networks without IPv6, an IPv4
# address given to --ip6 and an IPv6 one to --ip, --ipv6 beside an IPv4
# subnet alone, IPv6 subnets overlapping another network's, and mixed
# families in one IPAM entry.
docker network create --ipv6 --subnet 10.72.0.0/24 --subnet fd00:72::/64 dual
docker network create --subnet 10.73.0.0/24 plain
docker network create --subnet 10.74.0.0/24 --subnet fd00:74::/64 flagless
docker run -d --name ok1 --network dual netmodes/busybox:test sleep 3600
# --ip6 where the network has no IPv6
docker run -d --name bad1 --network plain --ip6 fd00:73::5 netmodes/busybox:test sleep 3600
docker run -d --name bad2 --network flagless --ip6 fd00:74::5 netmodes/busybox:test sleep 3600
docker network connect --ip6 fd00:73::6 plain ok1
# the wrong family for the flag
docker run -d --name bad3 --network dual --ip6 10.72.0.9 netmodes/busybox:test sleep 3600
docker run -d --name bad4 --network dual --ip fd00:72::9 netmodes/busybox:test sleep 3600
docker run -d --name bad5 --network dual --ip6 fd00:72::9/64 netmodes/busybox:test sleep 3600
# --ipv6 with an IPv4 subnet only (20.10: no default IPv6 pool; 28: a ULA /64)
docker network create --ipv6 --subnet 10.75.0.0/24 v4only
# IPv6 subnets overlapping another network's
docker network create --ipv6 --subnet fd00:72::/64 same6
docker network create --ipv6 --subnet fd00::/16 wide6
docker network create --ipv6 --subnet fd00:72::80/122 inside6
docker network create --subnet fd00:74::/64 flagless2
# mixed families in one entry
docker network create --ipv6 --subnet fd00:76::/64 --gateway 10.76.0.1 mixgw
docker network create --ipv6 --subnet 10.77.0.0/24 --ip-range fd00:77::/80 mixrange
docker network create --ipv6 --subnet fd00:78::/64 --aux-address a=10.78.0.5 mixaux
docker network ls --format '{{.Name}} {{.IPv6}}'
