/** OpenSearch Service domains, and the Elasticsearch domains of its older API. */
export const OPENSEARCH_DOMAIN = "aws:opensearch/domain:Domain";
export const ELASTICSEARCH_DOMAIN = "aws:elasticsearch/domain:Domain";

export const DOMAIN_TYPES: readonly string[] = [OPENSEARCH_DOMAIN, ELASTICSEARCH_DOMAIN];

/** TLS security policies whose minimum protocol is TLS 1.2. */
export const TLS12_DOMAIN_POLICY = /^Policy-Min-TLS-1-2(-|$)/;
