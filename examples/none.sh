# none mode: a network namespace of its own with only lo. No interface, no
# address, no route: the container is cut off (and published ports are dropped).
docker run -d --name vault --network none busybox sleep 3600
