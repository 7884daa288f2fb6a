export * from './ipam/ipv4.js'
export * from './ipam/address-set.js'
