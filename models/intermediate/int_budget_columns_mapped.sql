{#-
    Column headers of economic tables mapped to (flow, basis, scope) through the reviewed
    seed column_header_map, keyed by the header key (periods generalised by the ingest) so
    that the next report of the same family maps without a new seed row.
-#}
with

columns as (

    select * from {{ ref('int_table_columns_keyed') }}
    where mart_family = 'budget'

),

header_map as (

    select * from {{ ref('column_header_map') }}

),

final as (

    select
        columns.report_id,
        columns.table_id,
        columns.column_number,
        columns.column_header,
        columns.header_key,
        columns.header_line,
        header_map.flow as column_flow,
        header_map.basis,
        header_map.scope
    from columns
    left join header_map on columns.header_key = header_map.header_key

)

select * from final
