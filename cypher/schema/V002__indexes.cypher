// The focus region is named in configuration by its Chinese name (包头市) or id.
CREATE INDEX region_name_zh IF NOT EXISTS FOR (n:Region) ON (n.nameZh);
// Capacity lines are filtered by status in every balance.
CREATE INDEX makes_status IF NOT EXISTS FOR ()-[r:MAKES]-() ON (r.status);
// Company search: Chinese names are split into character bigrams by the CJK analyzer, which also
// lower-cases Latin words, so 通威, 金力 and "jl mag" all match.
CREATE FULLTEXT INDEX company_names IF NOT EXISTS FOR (n:Company) ON EACH [n.nameZh, n.name, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
