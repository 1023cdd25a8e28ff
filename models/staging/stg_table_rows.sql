with

source as (

    select * from {{ source('ingest', 'raw_table_rows') }}

),

final as (

    select
        report_id,
        table_id,
        row_number,
        row_label,
        lower(row_label) as row_label_key,
        row_role,
        is_varav,
        parent_row_number,
        role_evidence,
        label_line,
        source_line,
        resolution
    from source

)

select * from final
