# IPv6 on user-defined bridge networks: an IPv6 subnet alone and beside an
# IPv4 one (with a gateway and an ip-range), a v6 subnet without --ipv6,
# --ip6 on run and connect, an address released and taken again, a pool
# exhausted, --ipv6 with no IPv6 subnet (20.10 refuses, 28 draws a ULA /64),
# and the refusals of bad subnets, gateways, ranges and addresses.
docker network create --ipv6 --subnet fd00:1::/64 v6a
docker network create --ipv6 --subnet 10.71.0.0/24 --subnet fd00:2::/64 --gateway fd00:2::fe --ip-range fd00:2::100/120 v6b
docker network create --subnet fd00:3::/64 v6flagless
docker run -d --name a1 --network v6a netmodes/busybox:test sleep 3600
docker run -d --name b1 --network v6b --ip6 fd00:2::55 netmodes/busybox:test sleep 3600
docker run -d --name b2 --network v6b netmodes/busybox:test sleep 3600
docker run -d --name f1 --network v6flagless netmodes/busybox:test sleep 3600
docker network connect --ip6 fd00:1::99 v6a b2
docker network disconnect v6a a1
docker run -d --name a2 --network v6a netmodes/busybox:test sleep 3600
docker network create --ipv6 v6ula
docker run -d --name u1 --network v6ula netmodes/busybox:test sleep 3600
docker network create --ipv6 --subnet fd00:18::/126 v6tiny
docker run -d --name t1 --network v6tiny netmodes/busybox:test sleep 3600
docker run -d --name t2 --network v6tiny netmodes/busybox:test sleep 3600
docker run -d --name t3 --network v6tiny netmodes/busybox:test sleep 3600
docker network create --ipv6 --subnet fd00:1::/80 v6overlap
docker network create --ipv6 --subnet fd00:7::5/64 v6unaligned
docker network create --ipv6 --subnet fd00:14::/120 --ip-range fd00:14::/112 v6widerange
docker network create --ipv6 --subnet fd00:17::/64 --gateway fd00:17::1/64 v6gwcidr
docker network create --ipv6 --subnet fd00:16::/64 --gateway fd00:16:: v6gwnet
docker network create --ipv6 --subnet fd00:5::/64 --gateway fd00:6::1 v6gwout
docker network create --ipv6 --subnet fd00:10::/64 --subnet fd00:11::/64 v6two
docker network create --ipv6 --subnet fd00:12::/129 v6badlen
docker run -d --name bad1 --network v6a --ip6 fd00:99::5 netmodes/busybox:test sleep 3600
docker run -d --name bad2 --network v6a --ip6 zz netmodes/busybox:test sleep 3600
docker run -d --name bad3 --network v6a --ip6 fd00:1::1 netmodes/busybox:test sleep 3600
docker run -d --name bad4 --network bridge --ip6 fd00:99::6 netmodes/busybox:test sleep 3600
docker network connect --ip6 fd00:3::5 v6b a1
