/**
 * The request bodies are the docker 20.10.24 CLI's, byte for byte: each
 * expected string was captured between /usr/bin/docker and dockerd.
 */
import { type DockerCommand, parseDockerCommand, tokenizeCommandLine } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { containerCreateRequest, networkConnectBody, networkCreateBody, swarmInitBody } from './_requests.js'

function parse<K extends DockerCommand['kind']>(line: string, kind: K): Extract<DockerCommand, { kind: K }> {
  const cmd = parseDockerCommand(tokenizeCommandLine(line))
  if (cmd.kind !== kind) throw new Error(`${line} parsed as ${cmd.kind}`)
  return cmd as Extract<DockerCommand, { kind: K }>
}

describe('requests as the docker 20.10 CLI sends them', () => {
  test('network create with IPAM, options and labels', () => {
    const cmd = parse(
      'docker network create --subnet 10.211.0.0/24 --gateway 10.211.0.254 --ip-range 10.211.0.128/25 --aux-address a=10.211.0.3 -o foo=bar --label x=y t-net',
      'network create',
    )
    expect(JSON.stringify(networkCreateBody(cmd))).toBe(
      '{"CheckDuplicate":true,"Driver":"bridge","Scope":"","EnableIPv6":false,"IPAM":{"Driver":"default","Options":{},"Config":[{"Subnet":"10.211.0.0/24","IPRange":"10.211.0.128/25","Gateway":"10.211.0.254","AuxiliaryAddresses":{"a":"10.211.0.3"}}]},"Internal":false,"Attachable":false,"Ingress":false,"ConfigOnly":false,"ConfigFrom":null,"Options":{"foo":"bar"},"Labels":{"x":"y"},"Name":"t-net"}',
    )
  })

  test('network create without flags', () => {
    expect(JSON.stringify(networkCreateBody(parse('docker network create t-plain', 'network create')))).toBe(
      '{"CheckDuplicate":true,"Driver":"bridge","Scope":"","EnableIPv6":false,"IPAM":{"Driver":"default","Options":{},"Config":[]},"Internal":false,"Attachable":false,"Ingress":false,"ConfigOnly":false,"ConfigFrom":null,"Options":{},"Labels":{},"Name":"t-plain"}',
    )
  })

  test('run -d with ports, expose, hostname, MAC, --ip and an alias', () => {
    const { query, body } = containerCreateRequest(
      parse(
        'docker run -d --name t-a --network t-net -p 8080:80 -p 127.0.0.1::81/udp --expose 90 --hostname hh --mac-address 02:00:00:00:00:11 --ip 10.211.0.140 --network-alias al netmodes/busybox:test sleep 3600',
        'run',
      ),
    )
    expect(query).toEqual({ name: 't-a' })
    expect(JSON.stringify(body)).toBe(
      '{"Hostname":"hh","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"ExposedPorts":{"80/tcp":{},"81/udp":{},"90/tcp":{}},"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["sleep","3600"],"Image":"netmodes/busybox:test","Volumes":{},"WorkingDir":"","Entrypoint":null,"MacAddress":"02:00:00:00:00:11","OnBuild":null,"Labels":{},"HostConfig":{"Binds":null,"ContainerIDFile":"","LogConfig":{"Type":"","Config":{}},"NetworkMode":"t-net","PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}],"81/udp":[{"HostIp":"127.0.0.1","HostPort":""}]},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false,"VolumeDriver":"","VolumesFrom":null,"CapAdd":null,"CapDrop":null,"CgroupnsMode":"","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"GroupAdd":null,"IpcMode":"","Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"","Privileged":false,"PublishAllPorts":false,"ReadonlyRootfs":false,"SecurityOpt":null,"UTSMode":"","UsernsMode":"","ShmSize":0,"ConsoleSize":[0,0],"Isolation":"","CpuShares":0,"Memory":0,"NanoCpus":0,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":[],"BlkioDeviceReadBps":null,"BlkioDeviceWriteBps":null,"BlkioDeviceReadIOps":null,"BlkioDeviceWriteIOps":null,"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"","Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,"KernelMemory":0,"KernelMemoryTCP":0,"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":-1,"OomKillDisable":false,"PidsLimit":0,"Ulimits":null,"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,"MaskedPaths":null,"ReadonlyPaths":null},"NetworkingConfig":{"EndpointsConfig":{"t-net":{"IPAMConfig":{"IPv4Address":"10.211.0.140"},"Links":null,"Aliases":["al"],"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"","DriverOpts":null}}}}',
    )
  })

  test('create attaches stdout and stderr and sends no endpoint for the default network', () => {
    const { query, body } = containerCreateRequest(
      parse('docker create --name t-b netmodes/busybox:test sleep 3600', 'create'),
    )
    expect(query).toEqual({ name: 't-b' })
    expect(body).toMatchObject({
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: { NetworkMode: 'default', PortBindings: {} },
      NetworkingConfig: { EndpointsConfig: {} },
    })
    expect(body).not.toHaveProperty('ExposedPorts')
    expect(body).not.toHaveProperty('MacAddress')
  })

  test('network connect always sends an IPAM config', () => {
    const withIp = parse('docker network connect --ip 10.211.0.150 --alias zz t-net t-b', 'network connect')
    expect(JSON.stringify(networkConnectBody(withIp))).toBe(
      '{"Container":"t-b","EndpointConfig":{"IPAMConfig":{"IPv4Address":"10.211.0.150"},"Links":null,"Aliases":["zz"],"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"","DriverOpts":{}}}',
    )
    const plain = parse('docker network connect t-plain t-b', 'network connect')
    expect(JSON.stringify(networkConnectBody(plain))).toBe(
      '{"Container":"t-b","EndpointConfig":{"IPAMConfig":{},"Links":null,"Aliases":[],"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"","DriverOpts":{}}}',
    )
  })

  test('swarm init', () => {
    expect(
      JSON.stringify(swarmInitBody(parse('docker swarm init --advertise-addr 127.0.0.1', 'swarm init'))),
    ).toBe(
      '{"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"127.0.0.1","DataPathAddr":"","DataPathPort":0,"ForceNewCluster":false,"Spec":{"Labels":null,"Orchestration":{},"Raft":{"ElectionTick":0,"HeartbeatTick":0},"Dispatcher":{},"CAConfig":{},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":false}},"AutoLockManagers":false,"Availability":"","DefaultAddrPool":null,"SubnetSize":24}',
    )
  })
})
