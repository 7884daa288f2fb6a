/** The folder of the built UI (index.html and its assets), for a server to serve at `/`. */
export declare const webRoot: string
