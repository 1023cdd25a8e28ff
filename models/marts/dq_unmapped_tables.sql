{#-
    What the reviewed maps do not cover yet: per table, each column header key, row label
    or title with no entry in its family's seed. The table's cells are in
    fct_report_table_cells meanwhile; adding the entries (after review) moves the table into
    its family's marts, with no code change.
-#}
with

gaps as (

    select * from {{ ref('int_table_mapping_gaps') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

final as (

    select
        gaps.report_id,
        gaps.table_id,
        tables.table_title,
        tables.title_line,
        gaps.mart_family,
        gaps.gap_kind,
        gaps.printed,
        gaps.mapping_key,
        gaps.seed
    from gaps
    inner join tables
        on gaps.report_id = tables.report_id
        and gaps.table_id = tables.table_id

)

select * from final
