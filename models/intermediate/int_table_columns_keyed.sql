{#- Every table column with its table's family and the family whose marts take it; the
    header key (periods generalised by the ingest) joins the reviewed maps. -#}
with

columns as (

    select * from {{ ref('stg_table_columns') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

final as (

    select
        columns.report_id,
        columns.table_id,
        tables.table_family,
        tables.mart_family,
        tables.table_title,
        tables.table_title_key,
        columns.column_number,
        columns.column_header,
        columns.header_key,
        columns.header_line
    from columns
    inner join tables
        on columns.report_id = tables.report_id
        and columns.table_id = tables.table_id

)

select * from final
