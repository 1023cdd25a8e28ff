{#-
    Rows of economic tables with the table's kind and, where the columns do not say it, the
    row's flow: from the row label (reviewed seed row_flow_map) in tables by revenue and
    cost, else the table's default (net for tables per unit).
-#}
with

rows as (

    select * from {{ ref('stg_table_rows') }}

),

tables as (

    select * from {{ ref('stg_report_tables') }}

),

table_kinds as (

    select * from {{ ref('table_kind_map') }}

),

row_flows as (

    select * from {{ ref('row_flow_map') }}

),

final as (

    select
        rows.report_id,
        rows.table_id,
        rows.row_number,
        rows.row_label,
        rows.row_role,
        rows.is_varav,
        rows.parent_row_number,
        rows.role_evidence,
        rows.label_line,
        rows.source_line,
        rows.resolution,
        tables.table_title,
        table_kinds.table_kind,
        coalesce(row_flows.flow, table_kinds.default_flow) as row_flow
    from rows
    inner join tables
        on rows.report_id = tables.report_id
        and rows.table_id = tables.table_id
    left join table_kinds on tables.table_title_key = table_kinds.table_title_key
    left join row_flows
        on table_kinds.table_kind = 'by_flow'
        and rows.row_label_key = row_flows.row_label_key

)

select * from final
