# The files Docker writes into each container (read by the recorder with cat):
# /etc/hosts, /etc/resolv.conf, /etc/hostname, on the default bridge, on a
# user-defined network (embedded DNS 127.0.0.11), in host, none and container:
# mode, with --dns/--dns-search/--dns-option, --add-host, --link, --hostname,
# --domainname and --sysctl, and the inspect fields that record them.
# Every network has its --subnet: the scenario can be recorded on a used engine.
docker network create --subnet 10.201.0.0/24 ef-net
docker network create --subnet 10.202.0.0/24 ef-net2
docker run -d --name ef-plain netmodes/busybox:test sleep 3600
docker run -d --name ef-dns --dns 198.51.100.53 --dns-search example.com --dns-option ndots:2 --add-host db:10.9.0.5 --hostname web --domainname corp.example --sysctl net.ipv4.ip_forward=1 netmodes/busybox:test sleep 3600
docker run -d --name ef-link --link ef-dns:dbalias netmodes/busybox:test sleep 3600
docker run -d --name ef-link2 --link ef-plain netmodes/busybox:test sleep 3600
docker run -d --name ef-user --network ef-net --network-alias api --add-host gw:host-gateway netmodes/busybox:test sleep 3600
docker run -d --name ef-userdns --network ef-net --dns 198.51.100.54 --dns-search a.example --dns-option ndots:3 --link ef-user:u netmodes/busybox:test sleep 3600
docker run -d --name ef-search --network ef-net --dns-search only.example --hostname node.lab netmodes/busybox:test sleep 3600
docker run -d --name ef-host --network host netmodes/busybox:test sleep 3600
docker run -d --name ef-hostadd --network host --add-host h1:10.9.0.7 --dns 198.51.100.55 netmodes/busybox:test sleep 3600
docker run -d --name ef-shared --network container:ef-dns netmodes/busybox:test sleep 3600
docker run -d --name ef-none --network none --hostname lonely netmodes/busybox:test sleep 3600
docker run -d --name ef-multi --network ef-net netmodes/busybox:test sleep 3600
docker network connect ef-net2 ef-multi
docker run -d --name ef-late netmodes/busybox:test sleep 3600
docker network connect ef-net ef-late
snapshot connected
docker network disconnect ef-net2 ef-multi
docker create --name ef-created --dns 198.51.100.56 --add-host x:10.9.0.8 netmodes/busybox:test sleep 3600
docker inspect -f '{{json .HostConfig.Links}} {{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}} {{json .HostConfig.ExtraHosts}}' ef-link ef-dns ef-created
docker inspect -f '{{json .HostConfig.Sysctls}} {{.Config.Hostname}} {{.Config.Domainname}}' ef-dns
docker inspect -f '{{.Config.Hostname}} {{.Config.Domainname}} {{.HostnamePath}}' ef-shared ef-created
docker inspect -f '{{range .NetworkSettings.Networks}}{{json .Links}}{{end}} {{json .HostConfig.Links}}' ef-userdns
docker run -d --name ef-badlink --link ef-nosuch:x netmodes/busybox:test sleep 3600
docker run -d --name ef-badlink2 --link ef-created:x netmodes/busybox:test sleep 3600
docker run -d --name ef-badlink3 --link ef-host:h netmodes/busybox:test sleep 3600
docker run -d --name ef-badlink4 --link ef-shared:s netmodes/busybox:test sleep 3600
# A linked child that comes back with another address: the parent's line follows it.
docker stop -t 1 ef-plain
docker run -d --name ef-filler netmodes/busybox:test sleep 3600
docker start ef-plain
