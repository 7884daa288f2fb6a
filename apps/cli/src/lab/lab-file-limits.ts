/**
 * The largest lab file netmodes reads. A lab of ten containers on eight
 * networks is about 35 KB, so 64 MiB is some twenty thousand containers'
 * worth: far beyond any lab a person builds, yet small enough that reading
 * and parsing it (JSON.parse needs several times the text in memory) is
 * quick. Anything larger is not a lab netmodes wrote, so it is refused
 * before it is read rather than after filling the memory.
 */
export const MAX_LAB_FILE_BYTES = 64 * 1024 * 1024
