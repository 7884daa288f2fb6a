# app names its subnet (the one a fresh engine would pick): the pools' cursor survives removed networks,
# so this stays what it is on an engine that is not reset (record.mjs --no-reset).
docker network create --subnet 172.18.0.0/16 app
docker network create --subnet 10.88.0.0/24 lab
docker run -d --name web --network app -p 8080:80 -p 127.0.0.1:9090:90/udp netmodes/busybox:test sleep 3600
docker run -d --name db --network lab netmodes/busybox:test sleep 3600
docker create --name idle netmodes/busybox:test sleep 3600
docker run -d --name ranges -p 8000-8002:8000-8002 -p 53:53/udp netmodes/busybox:test sleep 3600
docker ps
docker ps -a
docker network ls
docker network ls --no-trunc
docker network ls -q
docker network inspect app
docker network inspect bridge
docker inspect web
docker inspect -f '{{json .NetworkSettings}}' web
docker port web
# The lists' --format and --filter (the daemon filters, the CLI formats)
docker create --name plain netmodes/busybox:test
docker run -d --name tagged --label team=net --label tier netmodes/busybox:test sleep 3600
docker ps -q
docker ps -a --format '{{.Names}}\t{{.Image}}\t{{.Command}}\t{{.Status}}'
docker ps -a --no-trunc --format '{{.ID}} {{.Command}} {{.State}}'
docker ps --format 'table {{.ID}}\t{{.Names}}\t{{.Ports}}'
docker ps --format 'table {{.Names}}\t{{.RunningFor}}\t{{.CreatedAt}}'
docker ps --format '{{.Names}} {{.Networks}} {{.Label "team"}}|{{.Label "tier"}}'
docker ps --format '{{json .Ports}}'
docker ps -n 2 --format '{{.Names}} {{.State}}'
docker ps -l --format '{{.Names}}'
docker ps --filter name=web --format '{{.Names}}'
docker ps -a --filter name=^d --format '{{.Names}}'
docker ps --filter label=team=net --format '{{.Names}}'
docker ps --filter label=tier --filter label=team --format '{{.Names}}'
docker ps --filter status=created --format '{{.Names}} {{.Status}}'
docker ps --filter network=app --format '{{.Names}}'
docker ps --filter ancestor=netmodes/busybox:test -q
docker ps --filter publish=8080 --format '{{.Names}}'
docker ps --filter publish=53/udp --format '{{.Names}}'
docker ps --filter expose=8001-8005/tcp --format '{{.Names}}'
docker ps --filter bogus=1
docker ps --filter status=sleeping
docker ps --filter publish=80:80
docker ps --filter nofilter
docker ps --format '{{.Bogus}}'
docker ps --format '{{.Names'
docker ps --format '{{nope .Names}}'
docker network ls --format '{{.Name}}\t{{.Driver}}\t{{.Scope}}\t{{.IPv6}}\t{{.Internal}}'
docker network ls --format 'table {{.Name}}\t{{.Driver}}'
docker network ls --format '{{json .}}'
docker network ls --filter driver=bridge
docker network ls --filter name=a --format '{{.Name}}'
docker network ls --filter type=custom --format '{{.Name}}'
docker network ls --filter type=builtin --filter scope=local --format '{{.Name}}'
docker network ls --filter dangling=true --format '{{.Name}}'
docker network ls --filter dangling=false --format '{{.Name}}'
docker network ls --filter label=x -q
docker network ls --filter dangling=maybe
docker network ls --filter type=weird
docker network ls --filter bogus=1
docker network ls --format '{{.Label "x"}}{{.Name}}'
docker network ls --format '{{.Nope}}'
